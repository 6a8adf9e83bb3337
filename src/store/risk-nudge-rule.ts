import type { Cta, MeProgress, NextStep, Program, SignalCriterion } from '../core'

// Apart from risk-nudge.ts (the memoised selector) and free of imports: the lazily loaded nudge view runs this
// rule itself, and importing anything the first load also holds would put a shared chunk in every page's first load.

/** What a calm "welcome back" nudge needs: the signal behind it, what is left and the step to take. */
export interface RiskNudge {
  signalId: string
  kind: SignalCriterion['kind']
  /** When the signal became active (absent once a return cleared it). */
  since?: string
  /** What the nudge points at: steps left to the next level, to finish the last level, or just the next step. */
  goal: { kind: 'next_level'; remaining: number } | { kind: 'finish_level'; remaining: number; levelTitle: string } | { kind: 'next_step' }
  /** The step the nudge offers. */
  step: NextStep
  /** The step's own call to action, else the signal's. */
  cta?: Cta
}

/**
 * The first risk signal (program order) that is active, or just ended with a return (`clearedAt`: the visit
 * that brought someone back cleared it, and "welcome back" is still true for a day), as a nudge; or undefined:
 * none, the program does not declare it, the subject is suppressed (a support case is no time to nudge), or
 * there is no step to offer.
 */
export function toNudge(program: Program | null, progress: MeProgress | null): RiskNudge | undefined {
  if (!program || !progress || progress.suppressed) return undefined
  const step = progress.nextSteps[0]
  if (step === undefined) return undefined
  const active = progress.signals?.find((signal) => signal.state === 'active' || signal.clearedAt !== undefined)
  const signal = active && program.signals?.find((s) => s.id === active.id)
  if (!active || !signal) return undefined

  const index = progress.levels.findIndex((level) => level.state === 'active')
  const level = progress.levels[index]
  let goal: RiskNudge['goal'] = { kind: 'next_step' }
  if (level && level.total > level.completed) {
    const remaining = level.total - level.completed
    const title = program.levels.find((l) => l.id === level.id)?.title
    if (index < progress.levels.length - 1) goal = { kind: 'next_level', remaining }
    else if (title !== undefined) goal = { kind: 'finish_level', remaining, levelTitle: title }
  }
  const cta = step.cta ?? signal.cta
  return {
    signalId: signal.id,
    kind: signal.criterion.kind,
    ...(active.since !== undefined && { since: active.since }),
    goal,
    step,
    ...(cta !== undefined && { cta }),
  }
}
