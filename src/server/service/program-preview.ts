import {
  achievementsOf, carryAchievements, celebrationsBetween, diffPrograms, evaluate, noCarriedAchievements, progressAcrossVersions,
  unionAchievements, type CairnEvent, type Criterion, type MilestoneState, type Program, type ProgramPreview, type Progress, type Subject,
} from '../../core'
import { loadPopulation, type PreviewMember, type Queryable } from '../storage'

type Counts = ProgramPreview['milestones'][string]

/**
 * What publishing `candidate` would do to every subject now, without writing: each subject's stored progress under
 * the active version (`before`) against their evaluation under the candidate with achievements carried over
 * (`after`) — exactly the comparison the re-evaluation after publishing makes. Two queries, then pure computation.
 */
export async function previewProgram(q: Queryable, active: Program, candidate: Program, now: Date): Promise<ProgramPreview> {
  const { members, events } = await loadPopulation(q, active.id)
  return previewOf(active, candidate, members, indexEvents(events, [active, candidate]), now)
}

/** Events by user and by account, so each subject's share is a lookup. */
export interface EventIndex {
  byUser: Map<string, CairnEvent[]>
  /** Only events an account-unit milestone reads: a teammate's other events never count for this subject. */
  byAccount: Map<string, CairnEvent[]>
}

/**
 * Files events by user and by account, keeping only what `programs` read (an event no milestone names changes
 * nothing, and a teammate's event matters only to account-unit milestones) — that keeps each evaluation small.
 */
export function indexEvents(events: readonly CairnEvent[], programs: readonly Program[]): EventIndex {
  const read = new Set(programs.flatMap((p) => p.milestones.flatMap((m) => eventNames(m.criterion))))
  const readByAccount = new Set(programs.flatMap((p) => p.milestones.flatMap((m) => (m.unit === 'account' ? eventNames(m.criterion) : []))))
  const byUser = new Map<string, CairnEvent[]>()
  const byAccount = new Map<string, CairnEvent[]>()
  const add = (map: Map<string, CairnEvent[]>, key: string, event: CairnEvent) => {
    const list = map.get(key)
    if (list) list.push(event)
    else map.set(key, [event])
  }
  for (const event of events) {
    if (!read.has(event.name)) continue
    add(byUser, event.userId, event)
    if (event.accountId !== undefined && readByAccount.has(event.name)) add(byAccount, event.accountId, event)
  }
  return { byUser, byAccount }
}

/** The pure part of the preview (exported for the benchmark's baseline, which loads events per subject instead). */
export function previewOf(active: Program, candidate: Program, members: readonly PreviewMember[], index: EventIndex, now: Date): ProgramPreview {
  const milestones: Record<string, Counts> = {}
  const entry = (id: string): Counts => (milestones[id] ??= { before: {}, after: {}, changed: 0, newlyAchieved: 0 })
  for (const { subject, snapshot, carried } of members) {
    const { before, after } = beforeAndAfter(active, candidate, subject, eventsOf(subject, index), snapshot, carried ?? undefined, now)
    for (const id of new Set([...Object.keys(before.milestones), ...Object.keys(after.milestones)])) {
      const was = before.milestones[id]?.state
      const will = after.milestones[id]?.state
      const counts = entry(id)
      if (was !== undefined) bump(counts.before, was)
      if (will !== undefined) bump(counts.after, will)
      if (was !== will) counts.changed++
    }
    for (const celebration of celebrationsBetween(candidate, before, after)) {
      if (celebration.kind === 'milestone') entry(celebration.refId).newlyAchieved++
    }
  }
  return {
    version: candidate.version,
    activeVersion: active.version,
    evaluatedAt: now.toISOString(),
    subjects: members.length,
    summary: diffPrograms(active, candidate),
    milestones,
  }
}

function beforeAndAfter(
  active: Program,
  candidate: Program,
  subject: Subject,
  events: readonly CairnEvent[],
  snapshot: Progress | null,
  carried: Parameters<typeof progressAcrossVersions>[3],
  now: Date,
): { before: Progress; after: Progress } {
  // The stored snapshot under the active version is what the re-evaluation after publishing compares with (and
  // celebrates against); only a subject never written, or written under another version, is evaluated here.
  const before =
    snapshot !== null && snapshot.programVersion === active.version
      ? snapshot
      : progressAcrossVersions(active, evaluate(active, events, { now, subject }), snapshot, carried).progress
  // Publishing always crosses a version, even when the candidate reuses the active version string.
  const carriedAcross = unionAchievements(carried ?? noCarriedAchievements(), achievementsOf(before))
  const after = carryAchievements(candidate, evaluate(candidate, events, { now, subject }), carriedAcross)
  return { before, after }
}

/** The subject's own events and their account's (account-unit milestones count the whole account). */
function eventsOf(subject: Subject, index: EventIndex): CairnEvent[] {
  const own = index.byUser.get(subject.userId) ?? []
  if (subject.accountId === undefined) return own
  const peers = (index.byAccount.get(subject.accountId) ?? []).filter((event) => event.userId !== subject.userId)
  return peers.length === 0 ? own : [...own, ...peers]
}

function eventNames(criterion: Criterion): string[] {
  if ('of' in criterion) return criterion.of.flatMap(eventNames)
  return 'event' in criterion ? [criterion.event] : []
}

function bump(counts: Partial<Record<MilestoneState, number>>, state: MilestoneState): void {
  counts[state] = (counts[state] ?? 0) + 1
}
