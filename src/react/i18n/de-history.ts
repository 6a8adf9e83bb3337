import type { HistoryMessages } from './types'

/** German strings of the achievement timeline (also exported from `cairn/locales/de`). */
export const deHistoryMessages: HistoryMessages = {
  heading: 'Deine Meilensteine im Zeitverlauf',
  empty: 'Deine Meilensteine erscheinen hier Monat für Monat, sobald du sie erreichst.',
}
