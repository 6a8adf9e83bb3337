import type { Celebration } from '../schemas/progress'
import { sortCelebrations } from './sort-celebrations'

/** One big moment per sitting: a second modal inside this window is shown as a toast instead. */
export const MODAL_COOLDOWN_MS = 10 * 60_000
/** Beyond this many toasts at once, they merge into one "3 milestones unlocked" toast instead of stacking. */
export const MAX_SEPARATE_TOASTS = 2

/** How one pending celebration (or a merged group) should be shown right now. */
export type CelebrationDisplay =
  /** A dialog; `confetti` for style 'confetti' (levels). `badge` is the level's badge, shown inside the modal. */
  | { as: 'modal'; celebration: Celebration; confetti: boolean; badge?: Celebration }
  | { as: 'toast'; celebration: Celebration }
  /** One merged toast for several celebrations. */
  | { as: 'group'; celebrations: Celebration[] }
  /** Acknowledge without showing: style 'none', or a badge already shown inside the modal. */
  | { as: 'silent'; celebration: Celebration }

export interface PlanOptions {
  /** @default MODAL_COOLDOWN_MS */
  modalCooldownMs?: number
  /** @default MAX_SEPARATE_TOASTS */
  maxSeparateToasts?: number
}

/**
 * What to show now, in display order: the modal (if any), then toasts or one merged group, then silent acks.
 * At most one modal, only when no modal was shown yet or `now - lastModalAt >= modalCooldownMs`; modal
 * candidates are style 'modal'/'confetti', best first by `sortCelebrations`. A badge earned at the same
 * moment as the level shown in the modal is the level's badge: it is folded into that modal and returned
 * silent. Everything else shows as a toast, merged into one group when more than `maxSeparateToasts` remain.
 * Pure: no clock reads. Duplicate ids in `pending` are planned once.
 */
export function planCelebrations(
  pending: readonly Celebration[],
  history: { lastModalAt?: number },
  now: number,
  options: PlanOptions = {},
): CelebrationDisplay[] {
  const cooldown = options.modalCooldownMs ?? MODAL_COOLDOWN_MS
  const maxToasts = options.maxSeparateToasts ?? MAX_SEPARATE_TOASTS
  const sorted = sortCelebrations(uniqueById(pending))
  const visible = sorted.filter((c) => c.style !== 'none')
  const quiet = sorted.filter((c) => c.style === 'none')

  const modalAllowed = history.lastModalAt === undefined || now - history.lastModalAt >= cooldown
  const modal = modalAllowed ? visible.find((c) => c.style === 'modal' || c.style === 'confetti') : undefined
  const folded = modal?.kind === 'level' ? visible.find((c) => c.kind === 'badge' && sameInstant(c.achievedAt, modal.achievedAt)) : undefined
  const toasts = visible.filter((c) => c !== modal && c !== folded)

  const plan: CelebrationDisplay[] = []
  if (modal) plan.push({ as: 'modal', celebration: modal, confetti: modal.style === 'confetti', ...(folded && { badge: folded }) })
  if (toasts.length > maxToasts) plan.push({ as: 'group', celebrations: toasts })
  else for (const celebration of toasts) plan.push({ as: 'toast', celebration })
  if (folded) plan.push({ as: 'silent', celebration: folded })
  for (const celebration of quiet) plan.push({ as: 'silent', celebration })
  return plan
}

function uniqueById(list: readonly Celebration[]): Celebration[] {
  const seen = new Set<string>()
  return list.filter((c) => !seen.has(c.id) && Boolean(seen.add(c.id)))
}

function sameInstant(a: string, b: string): boolean {
  return Date.parse(a) === Date.parse(b)
}
