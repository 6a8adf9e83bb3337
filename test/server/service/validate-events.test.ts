import { demoProgram } from '../../../src/core'
import { clientTrackableEventNames, FUTURE_SKEW_MS } from '../../../src/server/service'
import { validateEvents } from '../../../src/server/service/validate-events'

const NOW = new Date('2026-01-01T00:00:00.000Z')

describe('event validation before storage', () => {
  it('lets a widget send only the events of clientTrackable milestones', () => {
    expect(clientTrackableEventNames(demoProgram)).toEqual(new Set(['feature_used']))
  })

  it("counts a threshold variant's events as trackable as its milestone's own", () => {
    const milestones = demoProgram.milestones.map((m) =>
      m.clientTrackable
        ? { ...m, variants: [{ id: 'a', weight: 1, criterion: m.criterion }, { id: 'b', weight: 1, criterion: { kind: 'count' as const, event: 'board_opened', atLeast: 2 } }] }
        : m,
    )
    expect(clientTrackableEventNames({ ...demoProgram, milestones })).toEqual(new Set(['feature_used', 'board_opened']))
  })

  it('normalises timestamps so a retry with another spelling of the same instant compares equal', () => {
    const { valid } = validateEvents([{ id: 'e', name: 'x', userId: 'u', timestamp: '2025-12-31T23:00:00Z' }], { now: NOW })
    expect(valid[0]?.event.timestamp).toBe('2025-12-31T23:00:00.000Z')
  })

  it('rejects NUL characters, which Postgres cannot store', () => {
    const { rejected } = validateEvents([{ id: 'e\u0000', name: 'x', userId: 'u', timestamp: NOW.toISOString() }], { now: NOW })
    expect(rejected).toEqual([{ index: 0, error: expect.objectContaining({ code: 'invalid_event' }) }])
  })

  it('accepts a timestamp exactly at the allowed skew', () => {
    const timestamp = new Date(NOW.getTime() + FUTURE_SKEW_MS).toISOString()
    expect(validateEvents([{ id: 'e', name: 'x', userId: 'u', timestamp }], { now: NOW }).valid).toHaveLength(1)
  })
})
