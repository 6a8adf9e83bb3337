import type { Program } from '../schemas/program'
import taskly from './taskly.json'

/**
 * The Taskly onboarding program used by the demo app, the seed data, stories and tests.
 * A plain cast, not a parse, so importing it costs nothing and bundlers can drop it when unused;
 * test/core/demo-program.test.ts proves it passes `parseProgram`.
 */
export const demoProgram = taskly as Program
