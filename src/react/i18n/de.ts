// German: its own door (`cairn/locales/de`), never a static import of the widget entry. The provider loads it
// with import() for a `de` locale; a host that renders on the server passes `messages={de}` to skip the wait.
import type { BenchmarkUnit } from '../../core'
import type { Formatters } from './format'
import type { CairnMessages, CelebrationMessages } from './types'

/** "1 Schritt", "3 Schritte". */
const steps = (n: number, f: Formatters) => `${f.number(n)} ${f.plural(n) === 'one' ? 'Schritt' : 'Schritte'}`
/** Whom a benchmark compared the reader with: teams when compared as their account, else people. */
const likeYou = (peers: BenchmarkUnit | undefined) => (peers === 'user' ? 'Leute wie du' : 'Teams wie deines')

/** German widget strings: `<CairnProvider locale="de" messages={de}>` renders German at once, without a load. */
export const de: CairnMessages = {
  widgetTitle: 'Dein Fortschritt',
  levelHeading: (position, title, f) => `Stufe ${f.number(position)} · ${title}`,
  currentLevel: (position, title, done, total, f) =>
    `Stufe ${f.number(position)} · ${title} – ${f.number(done)} von ${f.number(total)}`,
  progressOf: (done, total, f) => `${f.number(done)} von ${f.number(total)}`,
  overallProgressLabel: 'Gesamtfortschritt',
  levelProgressLabel: (title) => `Fortschritt: ${title}`,
  milestoneCount: (current, target, f) => `${f.number(current)} / ${f.number(target)}`,
  milestoneState: {
    locked: 'Gesperrt',
    available: 'Offen',
    in_progress: 'In Arbeit',
    achieved: 'Erledigt',
    missed: 'Verpasst',
    ineligible: 'Nicht verfügbar',
  },
  levelState: { locked: 'Gesperrt', active: 'In Arbeit', complete: 'Abgeschlossen' },
  levelLockedHint: (previous) => `Schließe zuerst „${previous}“ ab`,
  dueBy: (when) => `Fällig ${when}`,
  missedNudge: 'Frist verstrichen – du kannst es noch nachholen',
  stepAction: { start: 'Loslegen', continue: 'Weitermachen', catch_up: 'Nachholen' },
  achievedLate: 'Erledigt – nachgeholt',
  extrasHeading: 'Weitere Ziele',
  badgesHeading: 'Abzeichen',
  badgeEarned: (date) => `Erhalten am ${date}`,
  badgeLocked: 'Noch nicht erhalten',
  badgeRarity: (percent, f, peers) => `Erhalten von ${f.number(percent)} % der ${likeYou(peers)}`,
  benchmarkHeading: 'Im Vergleich',
  benchmarkTop: (share, f, peers) => `Du gehörst zu den besten ${f.number(share)} % der ${likeYou(peers)}`,
  benchmarkTypicalWeek: (week, f, peers) => `${likeYou(peers)}, die das schaffen, schaffen es meist bis Woche ${f.number(week)}`,
  benchmarkStage: (typical, yours, f, peers) => {
    const who = `${peers === 'user' ? 'Leute' : 'Teams'} in deiner Phase haben meist`
    if (typical === 0) return `${who} noch keinen Schritt erledigt – du hast ${f.number(yours)} geschafft`
    if (yours === typical) return `Du liegst im Plan: ${who} ${steps(typical, f)} erledigt`
    return `${who} ${steps(typical, f)} erledigt – du hast ${f.number(yours)} geschafft`
  },
  firstStepHeading: 'Dein erster Schritt',
  nextStepHeading: 'Dein nächster Schritt',
  nudgeHeading: { inactive: 'Willkommen zurück', usage_drop: 'Schön, dich zu sehen', stalled: 'Ein guter Moment für den nächsten Schritt' },
  nudgeLead: { inactive: 'Mach da weiter, wo du aufgehört hast', usage_drop: 'Ein kleiner Schritt hält alles in Bewegung', stalled: 'Schritt für Schritt' },
  nudgeToNextLevel: (remaining, f) => `noch ${steps(remaining, f)} bis zur nächsten Stufe`,
  nudgeToFinish: (remaining, title, f) => `noch ${steps(remaining, f)} bis „${title}“ abgeschlossen ist`,
  nudgeLine: (lead, goal) => `${lead}: ${goal}`,
  valueSaved: (minutes, f) => `Du hast ${f.duration(minutes)} gespart`,
  valueWorth: (amount) => ` – im Wert von ${amount}`,
  digestToggle: (period) => (period === 'week' ? 'Deine Woche im Rückblick' : 'Dein Monat im Rückblick'),
  digestIntro: (period) => (period === 'week' ? 'Diese Woche hast du:' : 'Diesen Monat hast du:'),
  digestEmpty: (period) => (period === 'week' ? 'Diese Woche gibt es noch nichts Neues.' : 'Diesen Monat gibt es noch nichts Neues.'),
  digestAchieved: (title) => `Erreicht: ${title}`,
  digestSaved: (minutes, f) => `${f.duration(minutes)} gespart`,
  digestLevelCompleted: (title) => `„${title}“ abgeschlossen`,
  digestBadgeEarned: (title) => `Das Abzeichen „${title}“ erhalten`,
  loading: 'Dein Fortschritt wird geladen …',
  empty: 'Noch nichts zu verfolgen – schau bald wieder vorbei.',
  loadError: 'Dein Fortschritt konnte nicht geladen werden.',
  refreshError: 'Aktualisierung fehlgeschlagen – du siehst deinen letzten Stand.',
  retry: 'Erneut versuchen',
  announceAchieved: (title, done, total, level, f) =>
    level ? `${title} erledigt. ${f.number(done)} von ${f.number(total)} in ${level}` : `${title} erledigt.`,
  announceProgress: (title, current, target, f) => `${title}: ${f.number(current)} von ${f.number(target)}`,
  launcherLabel: (done, total, f) => `Dein Fortschritt: ${f.number(done)} von ${f.number(total)} erledigt`,
  close: 'Schließen',
}

/** German celebration strings: `<CelebrationLayer messages={deCelebrationMessages}>` skips the load there too. */
export const deCelebrationMessages: CelebrationMessages = {
  dialogTitle: 'Geschafft!',
  levelComplete: (title) => `Stufe abgeschlossen: ${title}`,
  milestoneAchieved: (title) => `Meilenstein erreicht: ${title}`,
  badgeEarned: (title) => `Abzeichen erhalten: ${title}`,
  teamAchieved: (title) => `Euer Team hat es geschafft: ${title}`,
  groupAchieved: (count, kinds, f) => {
    const one = f.plural(count) === 'one'
    if (kinds.every((k) => k === 'milestone' || k === 'team')) return `${f.number(count)} ${one ? 'Meilenstein' : 'Meilensteine'} erreicht`
    return `${f.number(count)} ${one ? 'Erfolg' : 'Erfolge'} erreicht`
  },
  dialogBadge: 'Abzeichen erhalten',
  dialogFeatures: 'Jetzt freigeschaltet',
  dialogContinue: 'Weiter',
  toastDismiss: 'Schließen',
  toastRegion: 'Erfolge',
  share: 'Teilen',
  shareNamed: (title) => `${title} teilen`,
  shareNote: (product) => `Erstellt eine öffentliche Seite mit diesem Erfolg und ${product} – ohne deine E-Mail-Adresse.`,
  shareNameLabel: 'Dein Vorname (optional)',
  shareNameInvalid: 'Nur Buchstaben (auch Leerzeichen, Bindestriche), höchstens 40.',
  shareCreate: 'Link erstellen',
  shareCreating: 'Link wird erstellt …',
  shareReady: 'Dein Link ist bereit.',
  shareLinkLabel: 'Link zu deiner Seite',
  shareNative: 'Teilen …',
  shareNewTab: '(neuer Tab)',
  shareCopy: 'Link kopieren',
  shareCopied: 'Link kopiert',
  shareCopyFailed: 'Kopieren ging nicht – der Link ist markiert.',
  shareRemove: 'Link entfernen',
  shareRemoved: 'Link entfernt. Die Seite ist nicht mehr öffentlich.',
  shareRemoveFailed: 'Entfernen ging nicht – die Seite ist noch öffentlich.',
  shareFailed: 'Der Link konnte nicht erstellt werden. Versuch es noch einmal.',
  shareOff: 'Teilen ist für dieses Produkt ausgeschaltet.',
  shareText: (kind, title, product) =>
    kind === 'level' ? `Ich habe die Stufe „${title}“ in ${product} abgeschlossen` : kind === 'badge' ? `Ich habe das Abzeichen „${title}“ in ${product} erhalten` : `Ich habe „${title}“ in ${product} erreicht`,
}

export { deHistoryMessages } from './de-history'
