import type { Program } from '../schemas/program'
import type { Celebration } from '../schemas/progress'
import { celebrationId } from './celebrations-between'

/** A teammate who joins later hears about the team's last week, not its whole history (DESIGN §7.5). */
export const TEAM_ANNOUNCEMENT_DAYS = 7
const DAY_MS = 24 * 60 * 60 * 1000

export interface TeamContext {
  /** This user's own events caused the change (their batch): they get the usual celebration, not the announcement. */
  actor: boolean
  /** First evaluation of this user (`before = null`): older team achievements are history, not news. */
  joining: boolean
  now: Date
}

/**
 * Turns the celebrations of account-unit milestones into team announcements (kind `team`, id `team:<refId>`, a
 * quiet toast) for every member of the account except the one whose events achieved it. A member who is just
 * joining gets only those from the last `TEAM_ANNOUNCEMENT_DAYS` (merged with the rest by the toast cap). Other
 * celebrations pass through unchanged.
 */
export function teamCelebrations(program: Program, celebrations: readonly Celebration[], context: TeamContext): Celebration[] {
  if (context.actor) return [...celebrations]
  const accountUnit = new Set(program.milestones.filter((m) => m.unit === 'account').map((m) => m.id))
  return celebrations.flatMap((celebration) => {
    if (celebration.kind !== 'milestone' || !accountUnit.has(celebration.refId)) return [celebration]
    if (context.joining && context.now.getTime() - Date.parse(celebration.achievedAt) > TEAM_ANNOUNCEMENT_DAYS * DAY_MS) return []
    return [{ ...celebration, id: celebrationId('team', celebration.refId), kind: 'team' as const, style: 'toast' as const }]
  })
}
