import type { BenchmarkUnit, CelebrationKind, LevelState, MilestoneState, SignalCriterion } from '../../core'
import type { Formatters } from './format'

/** The kinds of risk signal a nudge can stand for. */
export type SignalKind = SignalCriterion['kind']

/** Where the user stands on a step, which decides the words of its call to action. */
export type StepPhase = 'start' | 'continue' | 'catch_up'

/**
 * Every string the widget renders. Functions receive locale formatters so plurals, numbers and dates
 * follow the provider's `locale`. Override any subset through `<CairnProvider messages={…}>`.
 */
export interface CairnMessages {
  /** Heading of the widget panel. */
  widgetTitle: string
  /** "Level 1 · Getting started" */
  levelHeading(position: number, title: string, f: Formatters): string
  /** Header line: "Level 1 · Getting started — 2 of 3" */
  currentLevel(position: number, title: string, done: number, total: number, f: Formatters): string
  /** "2 of 3" */
  progressOf(done: number, total: number, f: Formatters): string
  /** Accessible name of the overall ring / bar. */
  overallProgressLabel: string
  /** Accessible name of one level's bar: "Getting started progress". */
  levelProgressLabel(levelTitle: string): string
  /** "3 / 5" on a milestone row. */
  milestoneCount(current: number, target: number, f: Formatters): string
  /** Short state label shown on each row. */
  milestoneState: Record<MilestoneState, string>
  levelState: Record<LevelState, string>
  /** "Complete Getting started to unlock" */
  levelLockedHint(previousLevelTitle: string): string
  /** "Due in 3 days" — `when` is already relative ("in 3 days", "tomorrow"). */
  dueBy(when: string): string
  /** Catch-up nudge on a missed milestone: its deadline passed, and finishing it still counts. */
  missedNudge: string
  /**
   * The action a step's call to action offers, by where the user stands: `start` before anything happened,
   * `continue` once under way, `catch_up` after a missed deadline.
   */
  stepAction: Record<StepPhase, string>
  /** Shown on a milestone achieved after its deadline. */
  achievedLate: string
  /** Heading above milestones that belong to no level. */
  extrasHeading: string
  badgesHeading: string
  /** "Earned Nov 3, 2026" — `date` is already formatted. */
  badgeEarned(date: string): string
  badgeLocked: string
  /**
   * "Earned by 12% of teams like yours": badge rarity in the benchmark cohort; `percent` is a whole number, 1–100.
   * `peers` (here and in the benchmark lines) is how the reader was compared: `account` — "teams like yours";
   * `user` — "people like you" (no account); undefined — an older server, which compared teams.
   */
  badgeRarity(percent: number, f: Formatters, peers?: BenchmarkUnit): string
  benchmarkHeading: string
  /** "You're in the top 20% of teams like yours" — shown only when the user is ahead of the typical team. */
  benchmarkTop(share: number, f: Formatters, peers?: BenchmarkUnit): string
  /** "Teams like yours that do this usually get there by week 3" — shown only while that week is still ahead. */
  benchmarkTypicalWeek(week: number, f: Formatters, peers?: BenchmarkUnit): string
  /** "Teams at your stage have typically completed 5 steps — you've done 3"; `typical` or `yours` may be 0. */
  benchmarkStage(typical: number, yours: number, f: Formatters, peers?: BenchmarkUnit): string
  /** Heading of the next-step prompt before the user has achieved anything. */
  firstStepHeading: string
  nextStepHeading: string
  /** Heading of the calm nudge shown while a risk signal is active: "Welcome back". Never a scolding. */
  nudgeHeading: Record<SignalKind, string>
  /** First half of the nudge line: "Pick up where you left off". */
  nudgeLead: Record<SignalKind, string>
  /** "2 steps to your next level" */
  nudgeToNextLevel(remaining: number, f: Formatters): string
  /** "2 steps to finish Power user" */
  nudgeToFinish(remaining: number, levelTitle: string, f: Formatters): string
  /** The nudge line: lead and goal joined ("Pick up where you left off: 2 steps to your next level"). */
  nudgeLine(lead: string, goal: string): string
  /** "You've saved 8 hours" */
  valueSaved(minutes: number, f: Formatters): string
  /** " — worth $480" appended to the value summary; `amount` is already formatted. */
  valueWorth(amount: string): string
  digestToggle(period: 'week' | 'month'): string
  /** "This week you:" */
  digestIntro(period: 'week' | 'month'): string
  digestEmpty(period: 'week' | 'month'): string
  /** A digest line for a milestone whose program gives no past-tense `doneTitle`: "Achieved: Add 5 tasks". */
  digestAchieved(title: string): string
  /** The digest line for the period's own time saved: "Saved 1 hour 12 minutes". */
  digestSaved(minutes: number, f: Formatters): string
  digestLevelCompleted(title: string): string
  digestBadgeEarned(title: string): string
  loading: string
  empty: string
  loadError: string
  refreshError: string
  retry: string
  /** Live announcement: "Invite a teammate achieved. 3 of 3 in Getting started" */
  announceAchieved(milestoneTitle: string, done: number, total: number, levelTitle: string | undefined, f: Formatters): string
  /** Live announcement for progress that is not yet an achievement: "Add 5 tasks: 4 of 5". */
  announceProgress(milestoneTitle: string, current: number, target: number, f: Formatters): string
  /** Accessible name of the floating launcher button. */
  launcherLabel(done: number, total: number, f: Formatters): string
  close: string
}


/** Strings of the benchmark card and the badge rarity line (benchmark-view, loaded with the first benchmarks). */
export type BenchmarkMessageKey = 'badgeRarity' | 'benchmarkHeading' | 'benchmarkTop' | 'benchmarkTypicalWeek' | 'benchmarkStage'
/** Strings of the risk-signal nudge (signal-nudge-view, loaded while a signal is active). */
export type NudgeMessageKey = 'nudgeHeading' | 'nudgeLead' | 'nudgeToNextLevel' | 'nudgeToFinish' | 'nudgeLine'
/** Strings only the open digest shows (digest-result, loaded on the first opening). */
export type DigestMessageKey = 'digestIntro' | 'digestEmpty' | 'digestSaved'
/** Strings of the live region's announcements (progress-change, loaded with the first snapshot). */
export type AnnounceMessageKey = 'announceAchieved' | 'announceProgress'
/** Strings only lazily loaded parts show: their English ships with the part, not in every page's first load. */
export type LazyMessageKey = BenchmarkMessageKey | NudgeMessageKey | DigestMessageKey | AnnounceMessageKey

/** The widget's English strings that the first load carries (`en` without the lazy parts' strings). */
export type FirstLoadMessages = Omit<CairnMessages, LazyMessageKey>

/**
 * The strings the provider holds: every first-load string, plus a lazy part's strings where the locale's table
 * or the host gave them. A lazy part lays what it finds here over its own English (`{ ...enX, ...messages }`).
 */
export type ProviderMessages = FirstLoadMessages & Partial<Pick<CairnMessages, LazyMessageKey>>

/**
 * Every string the celebration layer renders. Override any subset with `<CelebrationLayer messages={…}>`.
 * Emoji are decorative and rendered apart from these strings, so screen readers announce words only.
 */
export interface CelebrationMessages {
  /** Dialog heading for a big moment. */
  dialogTitle: string
  /** "Level complete: Getting started" */
  levelComplete(title: string): string
  /** "Milestone achieved: Invite a teammate" (achieved, never "unlocked": that is for levels and features). */
  milestoneAchieved(title: string): string
  /** "Badge earned: Team player" */
  badgeEarned(title: string): string
  /** A teammate's achievement for the whole account: "Your team just achieved: Get 3 teammates active" */
  teamAchieved(title: string): string
  /** One toast for many: "3 milestones achieved" (or "achievements" when kinds are mixed). */
  groupAchieved(count: number, kinds: readonly CelebrationKind[], f: Formatters): string
  /** Label above the badge shown in the dialog. */
  dialogBadge: string
  /** Label above the list of features a level unlocked. */
  dialogFeatures: string
  /** The dialog's primary (and closing) button. */
  dialogContinue: string
  /** Accessible name of a toast's close button. */
  toastDismiss: string
  /** Accessible name of the toast region. */
  toastRegion: string
  /** The share button's visible text (dialog and badge shelf). */
  share: string
  /** The share button's accessible name where "Share" alone is ambiguous (a badge shelf row): "Share Team player". */
  shareNamed(title: string): string
  /** What sharing makes public, said before the link exists: the achievement and the product, never the email. */
  shareNote(product: string): string
  /** Label of the optional first-name field. */
  shareNameLabel: string
  /** The typed name cannot be shown (digits, symbols, too long). */
  shareNameInvalid: string
  /** Creates the link (and opens the device's share sheet where there is one). */
  shareCreate: string
  /** Status while the link is being created. */
  shareCreating: string
  /** Status once the link exists. */
  shareReady: string
  /** Label of the read-only field holding the link. */
  shareLinkLabel: string
  /** Opens the device's share sheet (Web Share API) again. */
  shareNative: string
  /** Read after LinkedIn and X (brand names, never translated), which open in a new tab. */
  shareNewTab: string
  shareCopy: string
  /** Announced after copying. */
  shareCopied: string
  /** The clipboard refused: the link is selected in its field instead. */
  shareCopyFailed: string
  /** Revokes the link: its page answers "removed" from then on. */
  shareRemove: string
  shareRemoved: string
  /** Removing failed; the page is still public. */
  shareRemoveFailed: string
  /** The link could not be created (network, server). */
  shareFailed: string
  /** The program turned sharing off since the widget loaded. */
  shareOff: string
  /** The post text handed to the share sheet and X: "I earned the Team player badge in Taskly". */
  shareText(kind: 'milestone' | 'level' | 'badge', title: string, product: string): string
}

/**
 * The strings of `<AchievementTimeline>` beyond the widget's own (its entries reuse the digest's past-tense
 * lines). Apart from `CairnMessages` so the widget's first load never carries them; override any subset
 * with `<AchievementTimeline messages={…}>`.
 */
export interface HistoryMessages {
  /** Heading of the timeline: "Your milestones over time". */
  heading: string
  /** Shown before anything is achieved; says what will appear, never that nothing was done. */
  empty: string
}
