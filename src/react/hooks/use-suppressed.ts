import { selectSuppressed } from '../../store'
import { useCairnSelector } from './use-cairn-selector'

/**
 * True while the server suppresses this user (DESIGN §7.2, e.g. an open support case): the celebration layer
 * stays quiet (held celebrations arrive when it ends) and the next step carries no upsell.
 * @default false until a snapshot says otherwise
 */
export function useSuppressed(): boolean {
  return useCairnSelector(selectSuppressed)
}
