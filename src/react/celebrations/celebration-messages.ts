import type { CelebrationKind } from '../../core'
import type { Formatters } from '../i18n'

/**
 * Every string the celebration layer renders. Override any subset with `<CelebrationLayer messages={…}>`.
 * Emoji are decorative and rendered apart from these strings, so screen readers announce words only.
 */
export interface CelebrationMessages {
  /** Dialog heading for a big moment. */
  dialogTitle: string
  /** "Level complete: Getting started" */
  levelComplete(title: string): string
  /** "Milestone unlocked: Invite a teammate" */
  milestoneUnlocked(title: string): string
  /** "Badge earned: Team player" */
  badgeEarned(title: string): string
  /** One toast for many: "3 milestones unlocked" (or "achievements" when kinds are mixed). */
  groupUnlocked(count: number, kinds: readonly CelebrationKind[], f: Formatters): string
  /** Label above the badge that came with a level. */
  dialogBadge: string
  /** Label above the list of features a level unlocked. */
  dialogFeatures: string
  /** The dialog's primary (and closing) button. */
  dialogContinue: string
  /** Accessible name of a toast's close button. */
  toastDismiss: string
  /** Accessible name of the toast region. */
  toastRegion: string
}

/** English defaults. */
export const defaultCelebrationMessages: CelebrationMessages = {
  dialogTitle: 'You did it!',
  levelComplete: (title) => `Level complete: ${title}`,
  milestoneUnlocked: (title) => `Milestone unlocked: ${title}`,
  badgeEarned: (title) => `Badge earned: ${title}`,
  groupUnlocked: (count, kinds, f) => {
    const noun = kinds.every((k) => k === 'milestone') ? 'milestone' : 'achievement'
    return `${f.number(count)} ${noun}${f.plural(count) === 'one' ? '' : 's'} unlocked`
  },
  dialogBadge: 'Badge earned',
  dialogFeatures: 'Now unlocked',
  dialogContinue: 'Keep going',
  toastDismiss: 'Dismiss',
  toastRegion: 'Celebrations',
}

/** German. */
export const deCelebrationMessages: CelebrationMessages = {
  dialogTitle: 'Geschafft!',
  levelComplete: (title) => `Stufe abgeschlossen: ${title}`,
  milestoneUnlocked: (title) => `Meilenstein erreicht: ${title}`,
  badgeEarned: (title) => `Abzeichen erhalten: ${title}`,
  groupUnlocked: (count, kinds, f) => {
    const one = f.plural(count) === 'one'
    if (kinds.every((k) => k === 'milestone')) return `${f.number(count)} ${one ? 'Meilenstein' : 'Meilensteine'} erreicht`
    return `${f.number(count)} ${one ? 'Erfolg' : 'Erfolge'} erreicht`
  },
  dialogBadge: 'Abzeichen erhalten',
  dialogFeatures: 'Jetzt freigeschaltet',
  dialogContinue: 'Weiter',
  toastDismiss: 'Schließen',
  toastRegion: 'Erfolge',
}

const BUILT_IN: Record<string, CelebrationMessages> = { en: defaultCelebrationMessages, de: deCelebrationMessages }

/** The built-in table for `locale` (English when there is none), with `overrides` laid over it. */
export function resolveCelebrationMessages(locale: string, overrides?: Partial<CelebrationMessages>): CelebrationMessages {
  const base = BUILT_IN[locale.split(/[-_]/)[0]?.toLowerCase() ?? 'en'] ?? defaultCelebrationMessages
  return overrides ? { ...base, ...overrides } : base
}

/** What a single celebration is called in a heading or toast. */
export function celebrationHeadline(messages: CelebrationMessages, kind: CelebrationKind, title: string): string {
  if (kind === 'level') return messages.levelComplete(title)
  if (kind === 'badge') return messages.badgeEarned(title)
  return messages.milestoneUnlocked(title)
}

/** Decorative emoji shown beside a headline (never part of the announced text). */
export function celebrationEmoji(kind: CelebrationKind): string {
  return kind === 'badge' ? '🏅' : '🎉'
}
