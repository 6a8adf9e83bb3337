import { localizeProgram } from '../localize/localize-program'
import type { Experiment, LocalizedProgram, Program } from '../schemas/program'
import taskly from './taskly.json'

/**
 * The Taskly onboarding program as written, in English and German: what the demo server loads, so each
 * reader gets it in their own language. A plain cast, not a parse, so importing it costs nothing;
 * test/core/demo-program.test.ts proves it passes `parseProgram`.
 */
export const demoProgramSource = taskly as LocalizedProgram

/** The Taskly program in English, ready for `evaluate`: used by the seed data, stories and tests. */
export const demoProgram: Program = /* @__PURE__ */ localizeProgram(demoProgramSource, 'en')

/**
 * The demo's holdout experiment (DESIGN §7.6): 10% of accounts see no widget; activation is completing
 * "Getting started" within 14 days of signup. The demo server runs Taskly with it (the seeded holdout acts a little
 * less, a modest true effect); `demoProgram` stays without it so tests with random ids never land in a holdout.
 * The id is one under which every fixed demo persona's account is in treatment (test/server/seed pins it).
 */
export const demoExperiment: Experiment = { id: 'taskly-onboarding-lift', holdoutPercent: 10, metric: { levelId: 'getting-started', withinDays: 14 } }
