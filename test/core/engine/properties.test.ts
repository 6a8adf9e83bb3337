import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createIncrementalEvaluator, evaluate, nextChangeAt, type CairnEvent, type Program, type Progress, type Subject } from '../../../src/core'
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

  it('matches evaluate when events arrive in time order and the clock only moves forward (leaf sweeps resume)', () => {
    fc.assert(
      fc.property(programs, subjects, eventStreams, fc.array(moments, { minLength: 1, maxLength: 30 }), (program, subject, list, clock) => {
        // The live path: each event appended after the ones before it, evaluated at a clock that never goes back,
        // with some events still ahead of the clock; the evaluator continues its sweeps instead of starting over.
        const ordered = [...list].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp))
        const moments = [...clock].sort()
        const evaluator = createIncrementalEvaluator(program, subject, ordered.slice(0, 3))
        const applied = ordered.slice(0, 3)
        ordered.slice(3).forEach((item, i) => {
          const now = moments[Math.min(i, moments.length - 1)] as string
          applied.push(item)
          expect(evaluator.apply(item, now).progress).toEqual(evaluate(program, applied, { now, subject }))
          if (i % 3 === 0) expect(evaluator.progress(now)).toEqual(evaluate(program, applied, { now, subject }))
        })
      }),
      { numRuns: RUNS },
    )
  })

  it('matches evaluate and nextChangeAt when several events are added before one assessment (the server’s batches)', () => {
    fc.assert(
      fc.property(programs, subjects, eventStreams, fc.array(moments, { minLength: 1, maxLength: 8 }), fc.nat({ max: 4 }), (program, subject, list, clock, extra) => {
        // Batches of up to `extra + 1` events, each followed by one assessment at a clock that only moves forward,
        // so leaf sweeps resume over several appended events at once; every other batch repeats an event.
        const ordered = [...list].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp))
        const moments = [...clock].sort()
        const evaluator = createIncrementalEvaluator(program, subject)
        const applied: CairnEvent[] = []
        for (let start = 0, batch = 0; start < ordered.length; start += extra + 1, batch++) {
          const items = ordered.slice(start, start + extra + 1)
          for (const item of items) evaluator.add(item)
          if (batch % 2 === 1) evaluator.add({ ...items[0]! })
          applied.push(...items)
          const now = moments[Math.min(batch, moments.length - 1)] as string
          const { progress, nextChangeAt: next } = evaluator.assess(now)
          expect(progress).toEqual(evaluate(program, applied, { now, subject }))
          expect(next).toBe(nextChangeAt(program, applied, { now, subject }))
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

  it('names a return only for an event that ended an active spell, within the last 24 h, and both evaluators agree', () => {
    const DAY_MS = 24 * 60 * 60 * 1000
    const stateAt = (program: Program, list: CairnEvent[], subject: Subject, ms: number, id: string) =>
      evaluate(program, list, { now: new Date(ms).toISOString(), subject }).signals?.find((signal) => signal.id === id)?.state
    // Sparse histories plus one event in the last day, so quiet spells and returns are common.
    const sparse = eventStreams.map((list) => list.slice(0, 6))
    fc.assert(
      fc.property(programs, subjects, sparse, moments, fc.integer({ min: 0, max: 96 }), fc.constantFrom('a', 'b'), fc.integer({ min: 1, max: 6 }), (random, subject, list, now, quarters, name, days) => {
        const quiet = { id: 'quiet', title: 'Quiet', criterion: { kind: 'inactive' as const, days } }
        const program: Program = { ...random, signals: [quiet, ...(random.signals ?? [])] }
        const nowMs = Date.parse(now)
        const back: CairnEvent = { id: 'back', name, userId: 'u1', timestamp: new Date(nowMs - quarters * 15 * 60_000).toISOString() }
        const events = [...list, back]
        const progress = evaluate(program, events, { now, subject })
        expect(createIncrementalEvaluator(program, subject, events).progress(now)).toEqual(progress)
        for (const signal of progress.signals ?? []) {
          if (signal.clearedAt === undefined) continue
          const cleared = Date.parse(signal.clearedAt)
          expect(signal.state).toBe('clear')
          expect(cleared).toBeGreaterThan(nowMs - DAY_MS)
          expect(cleared).toBeLessThanOrEqual(nowMs)
          expect(stateAt(program, events, subject, cleared - 1, signal.id)).toBe('active')
          expect(stateAt(program, events, subject, cleared, signal.id)).toBe('clear')
          // It lapses 24 h after the return, and that moment is announced as a change.
          const next = nextChangeAt(program, events, { now, subject })
          expect(next === undefined ? Infinity : Date.parse(next)).toBeLessThanOrEqual(cleared + DAY_MS)
          const later = evaluate(program, events, { now: new Date(cleared + DAY_MS).toISOString(), subject })
          expect(later.signals?.find((s) => s.id === signal.id)?.clearedAt).toBeUndefined()
        }
      }),
      { numRuns: RUNS },
    )
  })
})
