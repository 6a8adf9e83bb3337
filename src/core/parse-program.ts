import { localizeProgram } from './localize'
import type { Criterion, LocalizedProgram, Program } from './schemas/program'
import { MAX_CRITERION_DEPTH, ProgramSchema } from './schemas/program'
import { formatIssues, type ValidationError } from './validation-error'
import { checkExperiment } from './experiment/check-experiment'

export type ParseProgramResult =
  | {
      ok: true
      /** The program with its text resolved to English (or each text's first locale): ready for `evaluate`. */
      program: Program
      /** The program as written, per-locale text included: keep this to answer in other locales (`localizeProgram`). */
      source: LocalizedProgram
    }
  | { ok: false; errors: ValidationError[] }

/**
 * Validates a program definition (already JSON-parsed, or a JSON string) and returns the typed program
 * or every problem found, each with its exact path (`milestones[3].criterion.within.days`).
 */
export function parseProgram(json: unknown): ParseProgramResult {
  let input = json
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json)
    } catch {
      return { ok: false, errors: [{ path: '', message: 'must be valid JSON' }] }
    }
  }
  // Editors find the JSON Schema through a root `$schema` key (DESIGN §7.7); it is not part of the program.
  if (isRecord(input) && '$schema' in input) {
    const { $schema, ...rest } = input
    if (typeof $schema !== 'string') return { ok: false, errors: [{ path: '$schema', message: 'must be a string (the URL or path of the program JSON Schema)' }] }
    input = rest
  }
  // Depth is checked before the schema so a hostile, deeply nested document cannot exhaust the stack.
  const depthErrors = findTooDeepCriteria(input)
  if (depthErrors.length > 0) return { ok: false, errors: depthErrors }

  const parsed = ProgramSchema.safeParse(input)
  if (!parsed.success) return { ok: false, errors: formatIssues(parsed.error.issues) }

  const program = localizeProgram(parsed.data)
  const errors = [...checkReferences(program), ...checkExperiment(program)]
  return errors.length > 0 ? { ok: false, errors } : { ok: true, program, source: parsed.data }
}

function findTooDeepCriteria(input: unknown): ValidationError[] {
  if (!isRecord(input) || !Array.isArray(input.milestones)) return []
  const errors: ValidationError[] = []
  input.milestones.forEach((milestone, index) => {
    if (!isRecord(milestone)) return
    const path = findDeepPath(milestone.criterion, `milestones[${index}].criterion`, 1)
    if (path) errors.push({ path, message: `criteria may nest at most ${MAX_CRITERION_DEPTH} levels deep` })
    if (!Array.isArray(milestone.variants)) return
    milestone.variants.forEach((variant, vi) => {
      const deep = isRecord(variant) ? findDeepPath(variant.criterion, `milestones[${index}].variants[${vi}].criterion`, 1) : undefined
      if (deep) errors.push({ path: deep, message: `criteria may nest at most ${MAX_CRITERION_DEPTH} levels deep` })
    })
  })
  return errors
}

/** Depth counts the leaf: a plain count criterion is depth 1, `all` of a count is depth 2. */
function findDeepPath(node: unknown, path: string, depth: number): string | undefined {
  if (depth > MAX_CRITERION_DEPTH) return path
  if (!isRecord(node) || !Array.isArray(node.of)) return undefined
  for (let i = 0; i < node.of.length; i++) {
    const found = findDeepPath(node.of[i], `${path}.of[${i}]`, depth + 1)
    if (found) return found
  }
  return undefined
}

function checkReferences(program: Program): ValidationError[] {
  const errors: ValidationError[] = []
  const duplicate = (items: { id: string }[], where: string) => {
    const seen = new Set<string>()
    items.forEach((item, i) => {
      if (seen.has(item.id)) errors.push({ path: `${where}[${i}].id`, message: `duplicate id "${item.id}"` })
      seen.add(item.id)
    })
  }
  duplicate(program.milestones, 'milestones')
  duplicate(program.levels, 'levels')
  duplicate(program.badges, 'badges')
  duplicate(program.signals ?? [], 'signals')
  checkSuppress(program.suppress, errors)

  const milestoneIds = new Set(program.milestones.map((m) => m.id))
  const badgeIds = new Set(program.badges.map((b) => b.id))
  const levelOf = new Map<string, string>()

  program.levels.forEach((level, li) => {
    level.milestones.forEach((mid, mi) => {
      const path = `levels[${li}].milestones[${mi}]`
      if (!milestoneIds.has(mid)) errors.push({ path, message: `unknown milestone "${mid}"` })
      else if (levelOf.has(mid)) errors.push({ path, message: `milestone "${mid}" already belongs to level "${levelOf.get(mid)}"` })
      else levelOf.set(mid, level.id)
    })
    const badge = level.unlocks?.badge
    if (badge !== undefined && !badgeIds.has(badge)) {
      errors.push({ path: `levels[${li}].unlocks.badge`, message: `unknown badge "${badge}"` })
    }
  })
  program.milestones.forEach((milestone, i) => {
    if (milestone.badge !== undefined && !badgeIds.has(milestone.badge)) {
      errors.push({ path: `milestones[${i}].badge`, message: `unknown badge "${milestone.badge}"` })
    }
    checkValueMilestone(milestone.criterion, milestone.value, `milestones[${i}]`, errors)
  })
  return errors
}

function checkValueMilestone(criterion: Criterion, value: Program['milestones'][number]['value'], path: string, errors: ValidationError[]) {
  if (value?.hourlyRate !== undefined && value.minutesSavedPerUnit === undefined) {
    errors.push({ path: `${path}.value.minutesSavedPerUnit`, message: 'is required when hourlyRate is set' })
  }
  if (value && (criterion.kind === 'all' || criterion.kind === 'any')) {
    errors.push({ path: `${path}.value`, message: 'needs a single countable criterion, not all/any' })
  }
}

/** A window that starts and ends on the same event could never be told apart from a new one opening. */
function checkSuppress(suppress: Program['suppress'], errors: ValidationError[]) {
  const seen = new Map<string, number>()
  suppress?.between?.forEach((pair, i) => {
    const path = `suppress.between[${i}]`
    if (pair.start === pair.end) errors.push({ path: `${path}.end`, message: `must differ from start: both name "${pair.start}"` })
    for (const side of ['start', 'end'] as const) {
      const earlier = seen.get(pair[side])
      if (earlier !== undefined && earlier !== i) {
        errors.push({ path: `${path}.${side}`, message: `event "${pair[side]}" already opens or closes suppress.between[${earlier}]` })
      }
      seen.set(pair[side], i)
    }
  })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
