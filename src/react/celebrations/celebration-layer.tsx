// Renders what the celebration queue says: toasts always; the dialog (and its confetti) from lazy chunks.
import { useRef, useSyncExternalStore } from 'react'
import { createPortal } from 'react-dom'
import { useCairnContext } from '../context'
import { coversAll, enCelebrationMessages, useLocaleTables, withOverrides, type CelebrationMessages } from '../i18n'
import type { ToastDisplay } from './celebration-queue'
import { CelebrationToasts, TOAST_DURATION_MS } from './celebration-toasts'
import { useCelebrationChunk } from './use-celebration-chunk'
import { useCelebrations, type UseCelebrationsOptions } from './use-celebrations'

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

const subscribeNothing = () => () => {}

/** True on the client after hydration: portals and canvases need a document. */
function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  )
}

/**
 * The celebration layer: a level-up dialog with confetti, milestone toasts, and nothing twice.
 * Mount one per provider (`<ProgressWidget />` already does).
 */
export function CelebrationLayer({ messages: overrides, ...props }: CelebrationLayerProps) {
  const { locale } = useCairnContext()
  const tables = useLocaleTables(locale, coversAll(enCelebrationMessages, overrides))
  const isClient = useIsClient()
  // Nothing is claimed from the queue until the layer can show it, in the right language.
  if (!isClient || !tables) return null
  return <LayerBody {...props} messages={withOverrides(tables.celebrations, overrides)} />
}
CelebrationLayer.displayName = 'CelebrationLayer'

type LayerBodyProps = Omit<CelebrationLayerProps, 'messages'> & { messages: CelebrationMessages }

function LayerBody({ messages, toastDurationMs = TOAST_DURATION_MS, container, className, ...options }: LayerBodyProps) {
  const { dir, format, theme, unstyled } = useCairnContext()
  const { modal, toasts, dismiss } = useCelebrations(options)
  const { Modal, chunk, failed } = useCelebrationChunk(modal !== null)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  // Without its dialog code (offline, a stale deploy) a big moment still shows: as the first toast.
  const shown: ToastDisplay[] = modal && failed ? [{ as: 'toast', celebration: modal.celebration, key: modal.key }, ...toasts] : toasts

  return createPortal(
    <div data-cairn-celebrations="" data-cairn-styled={unstyled ? undefined : ''} data-cairn-theme={theme} dir={dir} className={className}>
      <canvas ref={canvasRef} data-cairn-confetti="" aria-hidden="true" />
      {modal && Modal ? (
        <Modal key={modal.key} modal={modal} messages={messages} onClose={() => dismiss(modal.key)} canvasRef={canvasRef} chunk={chunk} />
      ) : null}
      <CelebrationToasts toasts={shown} messages={messages} formatters={format} onDismiss={dismiss} durationMs={toastDurationMs} />
    </div>,
    container ?? document.body,
  )
}
LayerBody.displayName = 'CelebrationLayerBody'
