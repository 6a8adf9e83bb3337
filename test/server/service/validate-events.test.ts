import fc from 'fast-check'
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

  it('stores every spelling of an instant as its one canonical spelling, whichever spelling arrives', () => {
    const spellings = (ms: number, offsetMinutes: number) => {
      const iso = new Date(ms).toISOString()
      const shifted = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19)
      const sign = offsetMinutes < 0 ? '-' : '+'
      const hh = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0')
      const mm = String(Math.abs(offsetMinutes) % 60).padStart(2, '0')
      return [iso, iso.replace('.000Z', 'Z'), iso.toLowerCase(), `${shifted}.${iso.slice(20, 23)}${sign}${hh}:${mm}`]
    }
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 2), max: NOW.getTime() }), fc.integer({ min: -720, max: 720 }), (ms, offset) => {
        const raw = spellings(ms, offset).map((timestamp, i) => ({ id: `e${i}`, name: 'x', userId: 'u', timestamp }))
        const { valid, rejected } = validateEvents(raw, { now: NOW })
        expect(rejected).toEqual([])
        expect(new Set(valid.map((v) => v.event.timestamp))).toEqual(new Set([new Date(ms).toISOString()]))
      }),
    )
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
