import type { CairnActions, CairnState } from '../../store'
import { useCairnSelector } from './use-cairn-selector'

const selectHoldout = (state: CairnState & CairnActions): boolean => state.progress?.holdout === true

/**
 * True when the server placed this user in the experiment's holdout (DESIGN §7.6): the drop-in widget, launcher
 * and celebration layer then render nothing. Hosts composing their own UI from parts check it the same way.
 * @default false until a snapshot says otherwise
 */
export function useHoldout(): boolean {
  return useCairnSelector(selectHoldout)
}
