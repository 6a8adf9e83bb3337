import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createIncrementalEvaluator, evaluate, nextChangeAt, type Progress } from '../../../src/core'
import { eventStreams, moments, programs, subjects } from './arbitraries'

// Enough runs to meet windows, streaks, DST and id collisions often, while the file stays within a few seconds.
const RUNS = 150

describe('engine properties', () => {
  it('gives the same progress for any order and duplication of the events', () => {
    fc.assert(
      fc.property(programs, subjects, eventStreams, moments, fc.infiniteStream(fc.nat()), (program, subject, list, now, randomness) => {
        const reference = evaluate(program, list, { now, subject })
        const reordered = list.map((item) => ({ item, key: randomness.next().value as number })).sort((a, b) => a.key - b.key).map(({ item }) => item)
        const withCopies = [...reordered, ...reordered.filter((_, i) => i % 3 === 0).map((item) => ({ ...item }))]
        expect(evaluate(program, withCopies, { now, subject })).toEqual(reference)
      }),
      { numRuns: RUNS },
    )
  })

  it('matches evaluate when fed the events one by one, in any order, with duplicates', () => {
    fc.assert(
      fc.property(programs, subjects, eventStreams, moments, fc.infiniteStream(fc.nat()), (program, subject, list, now, randomness) => {
        const feed = [...list, ...list.filter((_, i) => i % 2 === 0)]
          .map((item) => ({ item, key: randomness.next().value as number }))
          .sort((a, b) => a.key - b.key)
          .map(({ item }) => item)
        const evaluator = createIncrementalEvaluator(program, subject)
        let last = evaluator.progress(now)
        for (const item of feed) last = evaluator.apply(item, now).progress
        expect(last).toEqual(evaluate(program, list, { now, subject }))
      }),
      { numRuns: RUNS },
    )
  })

  it('matches evaluate after every event while the clock jumps around', () => {
    fc.assert(
      fc.property(programs, subjects, fc.array(fc.tuple(eventStreams.map((l) => l[0]), moments), { maxLength: 20 }), (program, subject, steps) => {
        const evaluator = createIncrementalEvaluator(program, subject)
        const applied = []
        for (const [item, now] of steps) {
          if (item !== undefined) applied.push(item)
          const progress = item === undefined ? evaluator.progress(now) : evaluator.apply(item, now).progress
          expect(progress).toEqual(evaluate(program, applied, { now, subject }))
        }
      }),
      { numRuns: RUNS },
    )
  })

  it('stays the same from now until nextChangeAt when no event arrives', () => {
    const timeless = ({ evaluatedAt: _at, nextSteps, ...rest }: Progress) => ({ ...rest, nextSteps: nextSteps.map(({ reason: _reason, ...step }) => step) })
    fc.assert(
      fc.property(programs, subjects, eventStreams, moments, fc.double({ min: 0, max: 1, noNaN: true }), (program, subject, list, now, fraction) => {
        const next = nextChangeAt(program, list, { now, subject })
        const nowMs = Date.parse(now)
        // Beyond the generated span, check a moment far later instead.
        const end = next === undefined ? nowMs + 400 * 24 * 60 * 60 * 1000 : Date.parse(next)
        expect(end).toBeGreaterThan(nowMs)
        const reference = timeless(evaluate(program, list, { now, subject }))
        // The last moment before the change, and one in between.
        for (const later of [end - 1, Math.min(end - 1, nowMs + Math.floor(fraction * (end - nowMs)))]) {
          expect(timeless(evaluate(program, list, { now: new Date(later).toISOString(), subject }))).toEqual(reference)
        }
      }),
      { numRuns: RUNS },
    )
  })

  it('reports the same nextChangeAt from the incremental evaluator as from the events', () => {
    fc.assert(
      fc.property(programs, subjects, fc.array(fc.tuple(eventStreams.map((l) => l[0]), moments), { maxLength: 12 }), (program, subject, steps) => {
        const evaluator = createIncrementalEvaluator(program, subject)
        const applied = []
        for (const [item, now] of steps) {
          if (item !== undefined) {
            applied.push(item)
            evaluator.apply(item, now)
          }
          expect(evaluator.nextChangeAt(now)).toBe(nextChangeAt(program, applied, { now, subject }))
        }
      }),
      { numRuns: RUNS },
    )
  })

  it('keeps achieved milestones achieved, with the same achievedAt, as time moves on', () => {
    fc.assert(
      fc.property(programs, subjects, eventStreams, moments, moments, (program, subject, list, first, second) => {
        const [earlier, later] = first <= second ? [first, second] : [second, first]
        const before = evaluate(program, list, { now: earlier, subject })
        const after = evaluate(program, list, { now: later, subject })
        for (const [id, milestone] of Object.entries(before.milestones)) {
          if (milestone.achievedAt !== undefined) expect(after.milestones[id]?.achievedAt).toBe(milestone.achievedAt)
        }
      }),
      { numRuns: RUNS },
    )
  })

  it('names a return only for an event that ended an active spell, within the last 24 h', () => {
    const DAY_MS = 24 * 60 * 60 * 1000
    const stateAt = (program: Parameters<typeof evaluate>[0], list: Parameters<typeof evaluate>[1], subject: Parameters<typeof evaluate>[2]['subject'], ms: number, id: string) =>
      evaluate(program, list, { now: new Date(ms).toISOString(), subject }).signals?.find((signal) => signal.id === id)?.state
    fc.assert(
      fc.property(programs, subjects, eventStreams, moments, (program, subject, list, now) => {
        const nowMs = Date.parse(now)
        for (const signal of evaluate(program, list, { now, subject }).signals ?? []) {
          if (signal.clearedAt === undefined) continue
          const cleared = Date.parse(signal.clearedAt)
          expect(signal.state).toBe('clear')
          expect(cleared).toBeGreaterThan(nowMs - DAY_MS)
          expect(cleared).toBeLessThanOrEqual(nowMs)
          expect(stateAt(program, list, subject, cleared - 1, signal.id)).toBe('active')
          expect(stateAt(program, list, subject, cleared, signal.id)).toBe('clear')
        }
      }),
      { numRuns: RUNS },
    )
  })
})
