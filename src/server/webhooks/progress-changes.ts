import { createHash } from 'node:crypto'
import { levelCompletionTimes, type Program, type Progress, type Subject } from '../../core'
import type { WebhookEvent, WebhookEventType } from './types'


/**
 * A stable id per (subject, type, thing, occurrence): recomputing the same change — a retried batch, another
 * process, a restart — yields the same id, so the outbox stores it once and receivers see one event.
 */
export function webhookEventId(programId: string, userId: string, type: WebhookEventType, refId: string, occurrence = ''): string {
  return `evt_${createHash('sha256').update(JSON.stringify([programId, userId, type, refId, occurrence])).digest('hex').slice(0, 32)}`
}

/**
 * The webhook events a progress change causes (DESIGN §7.3): milestones achieved or missed, levels completed,
 * badges earned, signals raised or cleared. `before = null` (first evaluation) reports what is already true,
 * as celebrations do, so a subject imported with history is announced once.
 */
export function progressChanges(program: Program, subject: Subject, before: Progress | null, after: Progress, now: Date): WebhookEvent[] {
  const found: WebhookEvent[] = []
  const suppressed = after.suppressed !== undefined
  const add = (type: WebhookEventType, refId: string, title: string, occurrence = '') =>
    found.push({
      id: webhookEventId(program.id, subject.userId, type, refId, occurrence),
      type,
      createdAt: now.toISOString(),
      data: {
        userId: subject.userId,
        ...(subject.accountId !== undefined && { accountId: subject.accountId }),
        refId,
        title,
        ...(suppressed && { suppressed: true as const }),
      },
    })

  for (const milestone of program.milestones) {
    const state = after.milestones[milestone.id]?.state
    const was = before?.milestones[milestone.id]
    if (state === 'achieved' && was?.state !== 'achieved' && was?.achievedAt === undefined) add('milestone.achieved', milestone.id, milestone.title)
    if (state === 'missed' && was?.state !== 'missed') add('milestone.missed', milestone.id, milestone.title)
  }
  const wasComplete = new Set(before?.levels.filter((l) => l.state === 'complete').map((l) => l.id))
  const completed = levelCompletionTimes(program, after)
  for (const level of program.levels) {
    if (completed.has(level.id) && !wasComplete.has(level.id)) add('level.completed', level.id, level.title)
  }
  const hadBadge = new Set(before?.badges.map((b) => b.id))
  for (const earned of after.badges) {
    const badge = program.badges.find((b) => b.id === earned.id)
    if (badge && !hadBadge.has(badge.id)) add('badge.earned', badge.id, badge.title)
  }
  const wasActive = new Map((before?.signals ?? []).map((s) => [s.id, s.state === 'active']))
  const titles = new Map((program.signals ?? []).map((s) => [s.id, s.title]))
  for (const signal of after.signals ?? []) {
    const title = titles.get(signal.id) ?? signal.id
    const active = signal.state === 'active'
    // The occurrence is when it became active, so each new episode of the same signal is its own event.
    if (active && !wasActive.get(signal.id)) add('signal.raised', signal.id, title, signal.since ?? after.evaluatedAt)
    if (!active && wasActive.get(signal.id)) add('signal.cleared', signal.id, title, after.evaluatedAt)
  }
  return found
}
