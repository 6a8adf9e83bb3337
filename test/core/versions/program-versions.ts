import { demoProgram, type CairnEvent, type Program } from '../../../src/core'

const HOUR_MS = 3_600_000
export const NOW = new Date('2026-03-10T12:00:00.000Z')
export const SUBJECT = { userId: 'u1', signedUpAt: '2026-03-01T09:00:00.000Z' }

/** `n` events named `name`, an hour apart, ending before NOW. */
export function events(name: string, n: number, prefix = name): CairnEvent[] {
  return Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, name, userId: 'u1', timestamp: new Date(NOW.getTime() - (n - i) * HOUR_MS).toISOString() }))
}

/** The demo program as another version, with some milestones' `atLeast` replaced. */
export function withThresholds(version: string, thresholds: Record<string, number>, base: Program = demoProgram): Program {
  return {
    ...base,
    version,
    milestones: base.milestones.map((m) =>
      thresholds[m.id] !== undefined && 'atLeast' in m.criterion ? { ...m, criterion: { ...m.criterion, atLeast: thresholds[m.id]! } } : m,
    ),
  }
}

/** The demo program as another version without some milestones (and without them in their levels). */
export function without(version: string, ids: string[], base: Program = demoProgram): Program {
  return {
    ...base,
    version,
    milestones: base.milestones.filter((m) => !ids.includes(m.id)),
    levels: base.levels.map((l) => ({ ...l, milestones: l.milestones.filter((id) => !ids.includes(id)) })),
  }
}
