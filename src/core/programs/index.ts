import { localizeProgram } from '../localize/localize-program'
import type { LocalizedProgram, Program } from '../schemas/program'
import taskly from './taskly.json'

/**
 * The Taskly onboarding program as written, in English and German: what the demo server loads, so each
 * reader gets it in their own language. A plain cast, not a parse, so importing it costs nothing;
 * test/core/demo-program.test.ts proves it passes `parseProgram`.
 */
export const demoProgramSource = taskly as LocalizedProgram

/** The Taskly program in English, ready for `evaluate`: used by the seed data, stories and tests. */
export const demoProgram: Program = /* @__PURE__ */ localizeProgram(demoProgramSource, 'en')
