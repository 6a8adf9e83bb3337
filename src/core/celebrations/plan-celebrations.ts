import type { Level } from '../schemas/program'
import type { Celebration, CelebrationKind } from '../schemas/progress'
import { sortCelebrations } from './sort-celebrations'

/** One big milestone moment per sitting: a milestone dialog inside this window is shown as a toast instead. */
export const MODAL_COOLDOWN_MS = 10 * 60_000
/** Beyond this many milestone toasts at once, they merge into one "3 milestones achieved" toast. */
export const MAX_SEPARATE_TOASTS = 2

/**
 * Kinds the frequency caps (cooldown, merging) apply to (DESIGN §7.2: milestone moments only). Every other
 * kind is never demoted or merged: a level-up or badge waits for the current dialog instead.
 */
const CAPPED_KINDS: ReadonlySet<CelebrationKind> = new Set(['milestone', 'team'])

/** How one pending celebration (or a merged group) should be shown right now. */
export type CelebrationDisplay =
  /** A dialog; `confetti` for style 'confetti' (levels). `badge` is a badge earned at that moment, shown inside it. */
  | { as: 'modal'; celebration: Celebration; confetti: boolean; badge?: Celebration }
  | { as: 'toast'; celebration: Celebration }
  /** One merged toast for several milestones. */
  | { as: 'group'; celebrations: Celebration[] }
  /** Acknowledge without showing: style 'none', or something the dialog already says. */
  | { as: 'silent'; celebration: Celebration }

export interface PlanOptions {
  /** Minimum time between a dialog and the next milestone dialog (levels and badges never wait for it). @default MODAL_COOLDOWN_MS */
  modalCooldownMs?: number
  /** More milestone toasts than this merge into one group toast. @default MAX_SEPARATE_TOASTS */
  maxSeparateToasts?: number
  /** The program's levels: a level's dialog already says that its milestones were achieved. @default [] */
  levels?: readonly Pick<Level, 'id' | 'milestones'>[]
}

/**
 * What to show now, in display order. When a dialog is due, the plan is that dialog plus what it already
 * says (acknowledged silently: the badge earned at the same instant, and for a level the milestones in it);
 * everything else waits until the dialog closes and is planned again then. Otherwise: toasts (milestone
 * toasts beyond `maxSeparateToasts` merged into one group), then silent acknowledgements for style 'none'.
 * A level or badge with a dialog style always gets its dialog; a milestone gets one only when no dialog was
 * shown yet or `now - lastModalAt >= modalCooldownMs`, and is a toast otherwise. Candidates are taken best
 * first (`sortCelebrations`). Pure: no clock reads. Duplicate ids in `pending` are planned once.
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
  const quiet = sorted.filter((c) => c.style === 'none')
  const visible = sorted.filter((c) => c.style !== 'none')

  const cooledDown = history.lastModalAt === undefined || now - history.lastModalAt >= cooldown
  const modal = visible.find((c) => (c.style === 'modal' || c.style === 'confetti') && (cooledDown || !CAPPED_KINDS.has(c.kind)))
  if (modal) {
    const said = saidByDialog(modal, visible, options.levels)
    const badge = said.find((c) => c.kind === 'badge')
    return [
      { as: 'modal', celebration: modal, confetti: modal.style === 'confetti', ...(badge && { badge }) },
      ...[...said, ...quiet].map((celebration) => ({ as: 'silent' as const, celebration })),
    ]
  }

  // No dialog now, so every visible celebration is a toast; only capped kinds merge.
  const capped = visible.filter((c) => CAPPED_KINDS.has(c.kind))
  const merge = capped.length > maxToasts
  const plan: CelebrationDisplay[] = []
  for (const celebration of visible) {
    if (!merge || !CAPPED_KINDS.has(celebration.kind)) plan.push({ as: 'toast', celebration })
    else if (celebration === capped[0]) plan.push({ as: 'group', celebrations: capped })
  }
  for (const celebration of quiet) plan.push({ as: 'silent', celebration })
  return plan
}

/**
 * What a dialog for `modal` already says, among `others`: the first badge earned at the same instant, and for a
 * level the milestones in it (the dialog announces their level complete). One moment gets one celebration: the
 * policy acknowledges these silently, and the queue takes them off the screen if they were toasts already (a level's
 * earlier steps, toasted seconds before the step that completed it).
 */
export function saidByDialog(modal: Celebration, others: readonly Celebration[], levels: PlanOptions['levels'] = []): Celebration[] {
  const badge = others.find((c) => c !== modal && c.kind === 'badge' && sameInstant(c.achievedAt, modal.achievedAt))
  const inLevel = new Set(modal.kind === 'level' ? levels.find((l) => l.id === modal.refId)?.milestones : [])
  return others.filter((c) => c === badge || (c.kind === 'milestone' && inLevel.has(c.refId)))
}

function uniqueById(list: readonly Celebration[]): Celebration[] {
  const seen = new Set<string>()
  return list.filter((c) => !seen.has(c.id) && Boolean(seen.add(c.id)))
}

function sameInstant(a: string, b: string): boolean {
  return Date.parse(a) === Date.parse(b)
}
