// The always-loaded layer is a gate: it renders nothing until its provider has something to celebrate, then
// loads the runtime (queue, toasts, dialog loader) and renders that. One layer per provider shows at a time.
import { useCairnContext } from '../context'
import type { CelebrationMessages } from '../i18n'
import { useHoldout } from '../hooks/use-holdout'
import { useCelebrationRuntime } from './celebration-runtime-loader'
import { useLayerClaim } from './layer-claim'
import type { UseCelebrationsOptions } from './use-celebrations'

export interface CelebrationLayerProps extends UseCelebrationsOptions {
  /** Overrides for any of the layer's strings; a complete table skips loading the locale's. @default the provider locale's built-in table */
  messages?: Partial<CelebrationMessages>
  /** How long a toast stays (paused while hovered or focused). @default TOAST_DURATION_MS (6 s) */
  toastDurationMs?: number
  /** Where the layer is portalled, so a transformed or clipped widget never traps the dialog. @default document.body */
  container?: Element | null
  /** Class for the layer's root element. */
  className?: string
}

/**
 * The celebration layer: a level-up dialog with confetti, milestone toasts, and nothing twice.
 * `<ProgressWidget />` and `<ProgressLauncher />` already mount one; however many are mounted, only the first
 * of each provider renders (the next takes over when it unmounts). Its code loads on the first celebration.
 */
export function CelebrationLayer(props: CelebrationLayerProps) {
  const { store } = useCairnContext()
  const owner = useLayerClaim(store)
  const runtime = useCelebrationRuntime()
  // The experiment's holdout is never celebrated (DESIGN §7.6).
  const holdout = useHoldout()
  if (!owner || !runtime || holdout) return null
  return <runtime.CelebrationLayerBody {...props} />
}
CelebrationLayer.displayName = 'CelebrationLayer'
