import type { Subject } from '../schemas/event'
import type { Milestone, Program } from '../schemas/program'
import { eventNamesOf } from './criterion'
import { tenureAnchorsValid } from './criteria/tenure'
import { isEligible } from './eligibility'
import { isoMemo } from './iso'
import { createZoneCalendar } from './time-zone'
import { DAY_MS, type Scope, type ZoneCalendar } from './types'

/** A milestone with everything that depends only on the program and the subject worked out once. */
export interface MilestonePlan {
  readonly milestone: Milestone
  /** Position in `program.milestones`: program order for ties. */
  readonly index: number
  /** Position of its level in `program.levels`; undefined for a milestone in no level (never locked). */
  readonly levelIndex: number | undefined
  readonly scope: Scope
  readonly eligible: boolean
  /** signedUpAt + deadline days × 24 h, when the milestone has a deadline. */
  readonly dueAt: number | undefined
}

/** The program prepared for one subject: shared by `evaluate` and the incremental evaluator. */
export interface ProgramPlan {
  readonly program: Program
  readonly subject: Subject
  readonly signedUpAt: number
  readonly milestones: readonly MilestonePlan[]
  /** Milestones whose criteria read each event name. */
  readonly milestonesByEvent: ReadonlyMap<string, readonly MilestonePlan[]>
  readonly calendar: ZoneCalendar
  /** `toIso` remembering this subject's recent times (they repeat from one assessment to the next). */
  readonly iso: (ms: number) => string
}

// Date can represent ±8.64e15 ms; a deadline beyond that can never pass, so it is treated as none.
const LATEST_DATE_MS = 8.64e15

export function planProgram(program: Program, subject: Subject): ProgramPlan {
  const levelOf = new Map<string, number>()
  program.levels.forEach((level, levelIndex) => {
    for (const id of level.milestones) if (!levelOf.has(id)) levelOf.set(id, levelIndex)
  })
  const signedUpAt = Date.parse(subject.signedUpAt)
  // A subject without an account has nobody to share with: account milestones fall back to the user's events.
  const accountScope: Scope = subject.accountId === undefined ? 'user' : 'account'

  const milestonesByEvent = new Map<string, MilestonePlan[]>()
  const milestones = program.milestones.map((milestone, index): MilestonePlan => {
    const dueAt = milestone.deadline === undefined ? undefined : signedUpAt + milestone.deadline.days * DAY_MS
    const plan: MilestonePlan = {
      milestone,
      index,
      levelIndex: levelOf.get(milestone.id),
      scope: milestone.unit === 'account' ? accountScope : 'user',
      eligible: isEligible(milestone.eligibility, subject) && tenureAnchorsValid(milestone.criterion, subject),
      dueAt: dueAt !== undefined && Number.isFinite(dueAt) && Math.abs(dueAt) <= LATEST_DATE_MS ? dueAt : undefined,
    }
    for (const name of eventNamesOf(milestone.criterion)) {
      const list = milestonesByEvent.get(name)
      if (list === undefined) milestonesByEvent.set(name, [plan])
      else list.push(plan)
    }
    return plan
  })
  return { program, subject, signedUpAt, milestones, milestonesByEvent, calendar: createZoneCalendar(subject.timeZone), iso: isoMemo() }
}
