import { useContext, useEffect } from 'react'
import { CelebrationHostContext } from './celebration-host'
import type { CelebrationLayerProps } from './celebration-types'

export type { CelebrationLayerProps }

/**
 * Sets how the provider's one celebration layer looks and where it goes: its strings, toast duration,
 * portal container and class. `<CairnProvider>` always mounts the layer itself (dialog, toasts, confetti),
 * so this part renders nothing: without it the layer uses the defaults; while it is mounted, its props
 * apply (mount one per provider — the last one set wins). Turn the layer off with `<CairnProvider celebrations={false}>`.
 */
export function CelebrationLayer({ messages, toastDurationMs, container, className }: CelebrationLayerProps) {
  const setLayer = useContext(CelebrationHostContext)?.setLayer
  useEffect(() => {
    if (!setLayer) return
    const mine: CelebrationLayerProps = { messages, toastDurationMs, container, className }
    setLayer(mine)
    return () => setLayer((current) => (current === mine ? null : current))
  }, [setLayer, messages, toastDurationMs, container, className])
  return null
}
CelebrationLayer.displayName = 'CelebrationLayer'
