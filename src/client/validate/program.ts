import { isSafeHref, type Badge, type Cta, type FeatureUnlock, type Milestone, type Program } from '../../core'
import { arr, bool, leaf, leaveOut, num, obj, oneOf, opt, refine, str, text, type Check, type OptionalCheck } from './check'

// The part of a program the widget reads, checked by hand. The server already validated the full program
// with `parseProgram`; what the widget never reads (criterion details, eligibility) is the engine's business,
// and the store tolerates dangling ids (a level naming an unknown milestone shows the id as its title).

const positive = refine(num, (n) => n > 0, 'must be greater than 0')

/** `Intl.NumberFormat` throws on a malformed currency code, so one must never reach the formatter. */
export const currency = refine(str, (c) => /^[A-Z]{3}$/.test(c), 'must be an ISO 4217 code such as USD')

/** Rendered as a real link, so only http(s) and relative URLs pass (checked again at render time). */
const ctaShape: Check<Cta> = obj({ label: text, href: refine(str, isSafeHref, 'must be an http(s) or relative URL') })
/** An optional link: an unsafe or malformed one is left out (and reported), never the whole answer. */
export const cta: OptionalCheck<Cta> = leaveOut(ctaShape)

export const CELEBRATION_STYLES = ['confetti', 'modal', 'toast', 'none'] as const satisfies readonly NonNullable<Milestone['celebrate']>[]

const CATEGORIES: readonly Milestone['category'][] = ['onboarding', 'adoption', 'habit', 'value', 'growth', 'advocacy', 'risk']
const CRITERION_KINDS: readonly Milestone['criterion']['kind'][] = ['count', 'sum', 'distinct', 'days', 'streak', 'tenure', 'all', 'any']

const milestone = obj({
  id: text,
  title: text,
  doneTitle: opt(text),
  description: opt(str),
  category: oneOf(CATEGORIES),
  unit: opt(oneOf(['user', 'account'])),
  // Analytics report the kind (`milestone_type`); the rest of the criterion is for the engine.
  criterion: obj({ kind: oneOf(CRITERION_KINDS) }),
  deadline: opt(obj({ days: positive })),
  priority: opt(num),
  celebrate: opt(oneOf(CELEBRATION_STYLES)),
  cta,
  badge: opt(text),
  value: opt(obj({ minutesSavedPerUnit: opt(positive), hourlyRate: opt(positive), currency: opt(currency) })),
})

/** A feature unlock: a bare id, or `{ id, label }` (the widget shows only labels). */
const featureId = leaf<string>('a non-empty string or { id, label }', (v) => typeof v === 'string' && v !== '')
const labelled = obj({ id: text, label: text })
const feature: Check<FeatureUnlock> = (value, path) => (typeof value === 'object' && value !== null ? labelled : featureId)(value, path)

const level = obj({
  id: text,
  title: text,
  milestones: arr(text),
  unlocks: opt(obj({ badge: opt(text), features: opt(arr(feature)), message: opt(str) })),
})

/** Same rule as core's BadgeSchema: an emoji (no scheme) or an https image URL. */
const isBadgeIcon = (icon: string) => !/^[a-z][a-z0-9+.-]*:/i.test(icon.trim()) || /^https:\/\//i.test(icon.trim())

const badge: Check<Badge> = obj({
  id: text,
  title: text,
  description: opt(str),
  icon: leaveOut(refine(str, isBadgeIcon, 'must be an emoji or an https URL')),
})

const SIGNAL_KINDS: readonly NonNullable<Program['signals']>[number]['criterion']['kind'][] = ['inactive', 'usage_drop', 'stalled']

// The nudge reads a signal's kind, title and cta; the rest of its rule is the engine's business.
const signal = obj({
  id: text,
  title: text,
  unit: opt(oneOf(['user', 'account'])),
  criterion: obj({ kind: oneOf(SIGNAL_KINDS) }),
  cta,
})

const program = obj({
  id: text,
  version: text,
  title: text,
  milestones: arr(milestone),
  levels: arr(level),
  badges: arr(badge),
  benchmarks: opt(obj({ segmentBy: opt(arr(text)), minCohort: opt(positive) })),
  signals: opt(arr(signal)),
  // A malformed block only costs the share action (left out = sharing off), never the widget.
  sharing: leaveOut(obj({ enabled: bool, productName: text, productUrl: opt(str) })),
})

/** `GET /v1/program`: the fields the widget reads, typed as the core `Program` (a checked subset of it). */
export const programCheck = program as Check<unknown> as Check<Program>
