import { celebrationText } from '../celebrations/celebrations-between'
import type { Program } from '../schemas/program'
import type { Celebration, NextStep, Progress } from '../schemas/progress'

/**
 * Progress whose program text (next-step titles and CTA labels, celebration titles and messages) is
 * re-read from `program` — the same program resolved in another locale. Everything else is untouched, so
 * the server evaluates once and answers each reader in their own language. Items the program no longer
 * has keep the text they were created with.
 */
export function localizeProgress<T extends Progress & { celebrations?: Celebration[] }>(progress: T, program: Program): T {
  const milestones = new Map(program.milestones.map((m) => [m.id, m]))
  const nextSteps = progress.nextSteps.map((step): NextStep => {
    const milestone = milestones.get(step.milestoneId)
    if (!milestone) return step
    return {
      ...step,
      title: milestone.title,
      ...(step.cta !== undefined && milestone.cta !== undefined && { cta: { ...step.cta, label: milestone.cta.label } }),
    }
  })
  if (progress.celebrations === undefined) return { ...progress, nextSteps }
  const celebrations = progress.celebrations.map((celebration) => {
    const text = celebrationText(program, celebration.kind, celebration.refId)
    return text ? { ...celebration, ...text } : celebration
  })
  return { ...progress, nextSteps, celebrations }
}
