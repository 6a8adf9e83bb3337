// What the layer shows once the runtime has loaded: toasts always; the dialog (and its confetti) from lazy
// chunks. Part of the lazily loaded runtime: nothing may import this file statically.
import { useRef, useSyncExternalStore } from 'react'
import { createPortal } from 'react-dom'
import { useCairnContext } from '../context'
import { coversAll, enCelebrationMessages, useLocaleTables, withOverrides, type CelebrationMessages } from '../i18n'
import type { CelebrationLayerProps } from './celebration-layer'
import type { ToastDisplay } from './celebration-queue'
import { CelebrationToasts, TOAST_DURATION_MS } from './celebration-toasts'
import { useCelebrationChunk } from './use-celebration-chunk'
import { useCelebrations } from './use-celebrations'

const subscribeNothing = () => () => {}

/** True on the client after hydration: portals and canvases need a document. */
function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  )
}

/** The layer's content, in the provider's language; rendered by `CelebrationLayer` once the runtime is here. */
export function CelebrationLayerBody({ messages: overrides, ...props }: CelebrationLayerProps) {
  const { locale } = useCairnContext()
  const tables = useLocaleTables(locale, coversAll(enCelebrationMessages, overrides))
  const isClient = useIsClient()
  // Nothing is claimed from the queue until the layer can show it, in the right language.
  if (!isClient || !tables) return null
  return <LayerContent {...props} messages={withOverrides(tables.celebrations ?? enCelebrationMessages, overrides)} />
}
CelebrationLayerBody.displayName = 'CelebrationLayerBody'

type LayerContentProps = Omit<CelebrationLayerProps, 'messages'> & { messages: CelebrationMessages }

function LayerContent({ messages, toastDurationMs = TOAST_DURATION_MS, container, className, ...options }: LayerContentProps) {
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
LayerContent.displayName = 'CelebrationLayerContent'
