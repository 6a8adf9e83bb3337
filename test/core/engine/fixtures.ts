// Small builders so each test states only what it is about.
import type { CairnEvent, Criterion, Level, Milestone, Program, Subject } from '../../../src/core'

export const DAY = 24 * 60 * 60 * 1000
export const HOUR = 60 * 60 * 1000

/** Signup moment of the default subject; every test clock is relative to it. */
export const SIGNUP = '2026-03-02T09:00:00.000Z'
const SIGNUP_MS = Date.parse(SIGNUP)

/** ISO time `days` (may be fractional) after signup. */
export function at(days: number, hours = 0): string {
  return new Date(SIGNUP_MS + days * DAY + hours * HOUR).toISOString()
}

export function subject(overrides: Partial<Subject> = {}): Subject {
  return { userId: 'u1', accountId: 'acme', signedUpAt: SIGNUP, ...overrides }
}

let nextId = 0
/** An event of the default subject; `id` defaults to a fresh one. */
export function event(name: string, timestamp: string, overrides: Partial<CairnEvent> = {}): CairnEvent {
  nextId += 1
  return { id: `ev-${nextId}`, name, userId: 'u1', accountId: 'acme', timestamp, ...overrides }
}

/** `count` events at the given day offsets. */
export function events(name: string, days: number[], overrides: Partial<CairnEvent> = {}): CairnEvent[] {
  return days.map((day) => event(name, at(day), overrides))
}

export function milestone(id: string, criterion: Criterion, overrides: Partial<Milestone> = {}): Milestone {
  return { id, title: `Title of ${id}`, category: 'onboarding', criterion, ...overrides }
}

export function program(milestones: Milestone[], levels: Level[] = [], badges: Program['badges'] = []): Program {
  return { id: 'test-program', version: '7', title: 'Test program', milestones, levels, badges }
}

/** A program with one milestone `m` built from a criterion. */
export function single(criterion: Criterion, overrides: Partial<Milestone> = {}): Program {
  return program([milestone('m', criterion, overrides)])
}
