// The badge shelf's share action, loaded with import() by the shelf only when the program enables sharing and a
// badge is earned: the first load carries the import, not the panel. Types-only imports from the first load;
// what it needs arrives in `kit` (see celebration-types.ts for why).
import type { Badge } from '../../core'
import type { CairnContextValue } from '../context'
import { enCelebrationMessages } from '../i18n/en-celebrations'
import type { useLocaleTables } from '../i18n/locale-tables'
import { ShareAction } from './share-action'

/** What the shelf hands over. */
export interface BadgeShareKit {
  context: CairnContextValue
  useLocaleTables: typeof useLocaleTables
}

/** "Share" for one earned badge, in the provider's language. */
export default function BadgeShare({ badge, kit }: { badge: Badge; kit: BadgeShareKit }) {
  const tables = kit.useLocaleTables(kit.context.locale)
  if (!tables) return null
  const messages = tables.celebrations ?? enCelebrationMessages
  return <ShareAction kind="badge" refId={badge.id} title={badge.title} context={kit.context} messages={messages} label={messages.shareNamed(badge.title)} floating />
}
BadgeShare.displayName = 'Cairn.BadgeShare'
