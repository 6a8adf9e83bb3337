import * as z from 'zod/mini'
import { isSafeHref } from '../safe-href'
import { localizedText, type Resolved } from './localized-text'

/** Criterion nesting deeper than this is rejected: deeper trees are a definition bug, not a need. */
export const MAX_CRITERION_DEPTH = 8

const id = z.string().check(z.minLength(1, 'must be a non-empty string'), z.maxLength(128, 'must be at most 128 characters'))
const text = z.string().check(z.minLength(1, 'must be a non-empty string'))
/** Text people read (titles, labels): one non-empty string, or one per locale (DESIGN §7.7). */
const copy = localizedText(text)
/** Optional longer text (descriptions, messages), which may be empty: one string, or one per locale. */
const prose = localizedText(z.string())
const positive = z.number().check(
  z.refine((n) => Number.isFinite(n), 'must be a finite number'),
  z.positive('must be greater than 0'),
)
const positiveInt = z.number().check(z.int('must be a positive integer'), z.positive('must be a positive integer'))
const scalar = z.union([z.string(), z.number(), z.boolean()])

export const WhereSchema = z.record(
  z.string(),
  z.union([
    scalar,
    z.strictObject({
      gte: z.optional(z.number()),
      lte: z.optional(z.number()),
      in: z.optional(z.array(z.union([z.string(), z.number()]))),
    }),
  ]),
)
export type Where = z.infer<typeof WhereSchema>

export const WindowSchema = z.strictObject({ days: positiveInt })

const CountCriterion = z.strictObject({
  kind: z.literal('count'), event: text, where: z.optional(WhereSchema), atLeast: positive, within: z.optional(WindowSchema),
})
const SumCriterion = z.strictObject({
  kind: z.literal('sum'), event: text, property: text, where: z.optional(WhereSchema), atLeast: positive, within: z.optional(WindowSchema),
})
const DistinctCriterion = z.strictObject({
  kind: z.literal('distinct'), event: text, property: text, where: z.optional(WhereSchema), atLeast: positive, within: z.optional(WindowSchema),
})
const DaysCriterion = z.strictObject({
  kind: z.literal('days'), event: text, where: z.optional(WhereSchema), atLeast: positive, within: z.optional(WindowSchema),
})
const StreakCriterion = z.strictObject({
  kind: z.literal('streak'), event: text, where: z.optional(WhereSchema), period: z.enum(['day', 'week']), atLeast: positive,
})

// A time-based milestone: `days` whole 24-hour periods after signup, or after the ISO date held in trait `from`.
const traitName = z.string({ error: 'must be the name of a trait holding an ISO date' }).check(z.minLength(1, 'must be the name of a trait holding an ISO date'))
const TenureCriterion = z.strictObject({ kind: z.literal('tenure'), days: positiveInt, from: z.optional(traitName) })

export type LeafCriterion =
  | z.infer<typeof CountCriterion>
  | z.infer<typeof SumCriterion>
  | z.infer<typeof DistinctCriterion>
  | z.infer<typeof DaysCriterion>
  | z.infer<typeof StreakCriterion>
  | z.infer<typeof TenureCriterion>
export type Criterion = LeafCriterion | { kind: 'all'; of: Criterion[] } | { kind: 'any'; of: Criterion[] }

export const CriterionSchema: z.ZodMiniType<Criterion> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    CountCriterion,
    SumCriterion,
    DistinctCriterion,
    DaysCriterion,
    StreakCriterion,
    TenureCriterion,
    z.strictObject({ kind: z.literal('all'), of: z.array(CriterionSchema).check(z.minLength(1, 'must list at least one criterion')) }),
    z.strictObject({ kind: z.literal('any'), of: z.array(CriterionSchema).check(z.minLength(1, 'must list at least one criterion')) }),
  ]),
)

const href = z.string().check(z.refine(isSafeHref, 'must be an http(s) or relative URL'))

/** A call to action as the API and the widget see it: plain text (next steps in `GET /v1/me/progress`). */
export const CtaSchema = z.strictObject({ label: text, href })
export type Cta = z.infer<typeof CtaSchema>
/** A call to action in a program file, whose label may be written per locale. */
export const ProgramCtaSchema = z.strictObject({ label: copy, href })

/** One threshold under test (`variants` on a milestone): its share of assignments and the criterion it uses. */
export const MilestoneVariantSchema = z.strictObject({ id, weight: positive, criterion: CriterionSchema })
export type MilestoneVariant = z.infer<typeof MilestoneVariantSchema>

const EligibilitySchema = z.strictObject({
  traits: z.optional(z.record(z.string(), z.array(scalar))),
  requiresConsent: z.optional(z.boolean()),
})

export const MILESTONE_CATEGORIES = ['onboarding', 'adoption', 'habit', 'value', 'growth', 'advocacy', 'risk'] as const
export const CELEBRATION_STYLES = ['confetti', 'modal', 'toast', 'none'] as const

export const MilestoneSchema = z.strictObject({
  id,
  title: copy,
  /** Past tense, for lists of what was achieved: "Created your first project" (DESIGN §7.9). */
  doneTitle: z.optional(copy),
  description: z.optional(prose),
  category: z.enum(MILESTONE_CATEGORIES),
  unit: z.optional(z.enum(['user', 'account'])),
  criterion: CriterionSchema,
  deadline: z.optional(z.strictObject({ days: positiveInt })),
  eligibility: z.optional(EligibilitySchema),
  priority: z.optional(z.number().check(z.refine((n) => Number.isFinite(n), 'must be a finite number'))),
  celebrate: z.optional(z.enum(CELEBRATION_STYLES)),
  cta: z.optional(ProgramCtaSchema),
  badge: z.optional(id),
  value: z.optional(
    z.strictObject({
      minutesSavedPerUnit: z.optional(positive),
      hourlyRate: z.optional(positive),
      currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD'))),
    }),
  ),
  clientTrackable: z.optional(z.boolean()),
  variants: z.optional(z.array(MilestoneVariantSchema).check(z.minLength(2, 'must list at least two variants to compare'))),
})
export type Milestone = Resolved<z.infer<typeof MilestoneSchema>>

/** A feature a level unlocks: a bare id (for the host's own checks), or an id with the label people see (DESIGN §7.9). */
export const FeatureUnlockSchema = z.union([id, z.strictObject({ id, label: copy })], { error: 'must be a feature id or { id, label }' })
export type FeatureUnlock = Resolved<z.infer<typeof FeatureUnlockSchema>>

/** The id of a feature unlock, in either form. */
export function featureId(feature: string | { id: string }): string {
  return typeof feature === 'string' ? feature : feature.id
}

export const LevelSchema = z.strictObject({
  id,
  title: copy,
  milestones: z.array(id),
  unlocks: z.optional(
    z.strictObject({
      badge: z.optional(id),
      features: z.optional(z.array(FeatureUnlockSchema)),
      message: z.optional(prose),
    }),
  ),
})
export type Level = Resolved<z.infer<typeof LevelSchema>>

export const BadgeSchema = z.strictObject({
  id,
  title: copy,
  description: z.optional(prose),
  icon: z.optional(z.string().check(z.refine((s) => !/^[a-z][a-z0-9+.-]*:/i.test(s.trim()) || /^https:\/\//i.test(s.trim()), 'must be an emoji or an https URL'))),
})
export type Badge = Resolved<z.infer<typeof BadgeSchema>>

/** `Program.experiment` (DESIGN §7.6): a holdout that sees nothing, and the metric the lift is measured on. */
export const ExperimentSchema = z.strictObject({
  id,
  holdoutPercent: z.number().check(
    z.refine((n) => Number.isFinite(n), 'must be a finite number'),
    z.gte(0, 'must be from 0 to 50'),
    z.lte(50, 'must be from 0 to 50'),
  ),
  /** Exactly one of `levelId` / `milestoneId` (checked by parseProgram), achieved within `withinDays` of signup. */
  metric: z.strictObject({ levelId: z.optional(id), milestoneId: z.optional(id), withinDays: positiveInt }),
})
export type Experiment = z.infer<typeof ExperimentSchema>

const optionalEvent = z.optional(text)
const percent = z.number().check(z.refine((n) => Number.isFinite(n) && n >= 1 && n <= 100, 'must be a number from 1 to 100'))

/** What raises a risk signal (DESIGN §7.1): no activity, a drop in activity, or no milestone for a while. */
export const SignalCriterionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('inactive'), event: optionalEvent, days: positiveInt }),
  z.strictObject({
    kind: z.literal('usage_drop'), event: optionalEvent, days: positiveInt, dropPercent: percent, minBefore: z.optional(positiveInt),
  }),
  z.strictObject({ kind: z.literal('stalled'), days: positiveInt }),
])
export type SignalCriterion = z.infer<typeof SignalCriterionSchema>

export const SignalSchema = z.strictObject({
  id,
  /** Written per locale like milestone titles (the insights and webhooks name the signal by it). */
  title: copy,
  unit: z.optional(z.enum(['user', 'account'])),
  criterion: SignalCriterionSchema,
  cta: z.optional(ProgramCtaSchema),
  eligibility: z.optional(EligibilitySchema),
})
export type Signal = Resolved<z.infer<typeof SignalSchema>>

/** While a subject matches a trait value or sits between a start and an end event, celebrations wait (DESIGN §7.2). */
export const SuppressSchema = z.strictObject({
  traits: z.optional(z.record(z.string(), z.array(scalar))),
  between: z.optional(z.array(z.strictObject({ start: text, end: text }))),
})
export type Suppress = z.infer<typeof SuppressSchema>

const httpUrl = z.string().check(
  z.refine((s) => {
    if (!/^https?:\/\//i.test(s)) return false
    try {
      return new URL(s).hostname !== ''
    } catch {
      return false
    }
  }, 'must be an absolute http(s) URL'),
)

/** `Program.sharing` (DESIGN §7.5): off unless enabled; the product named on every public share page. */
export const SharingSchema = z.strictObject({
  enabled: z.boolean({ error: 'must be true or false' }),
  productName: text.check(z.maxLength(80, 'must be at most 80 characters')),
  productUrl: z.optional(httpUrl),
})
export type Sharing = z.infer<typeof SharingSchema>

/**
 * A program as written in its file: any title, description, CTA label or unlock message may be a string or
 * a per-locale map. `parseProgram` validates against this; `localizeProgram` resolves it to a `Program`.
 */
export const ProgramSchema = z.strictObject({
  id,
  version: text,
  title: copy,
  milestones: z.array(MilestoneSchema),
  levels: z.array(LevelSchema),
  badges: z.array(BadgeSchema),
  benchmarks: z.optional(
    z.strictObject({
      segmentBy: z.optional(z.array(text)),
      minCohort: z.optional(positiveInt),
    }),
  ),
  experiment: z.optional(ExperimentSchema),
  signals: z.optional(z.array(SignalSchema)),
  suppress: z.optional(SuppressSchema),
  sharing: z.optional(SharingSchema),
})
/** A program as written, possibly with per-locale text (see `localizeProgram`). */
export type LocalizedProgram = z.infer<typeof ProgramSchema>
/** A program with every text resolved to one locale: what the engine, the API responses and the widget use. */
export type Program = Resolved<LocalizedProgram>
export type MilestoneId = string
export type BadgeId = string
export type SignalId = string
