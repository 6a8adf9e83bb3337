// What the provider's one celebration layer shows: the dialog and the toasts, portalled over the page in the
// provider's language. Part of the lazy celebration chunk; the host passes the queue down.
import { useSyncExternalStore } from 'react'
import { createPortal } from 'react-dom'
// Only chunk-own modules and types are imported here; the rest comes in the host's `kit` (see CelebrationKit).
import { enCelebrationMessages } from '../i18n/en-celebrations'
import type { CelebrationMessages } from '../i18n/types'
import { CelebrationDialog } from './celebration-dialog'
import type { CelebrationQueue } from './celebration-queue'
import { CelebrationToasts, TOAST_DURATION_MS } from './celebration-toasts'
import type { CelebrationKit, CelebrationLayerProps } from './celebration-types'

export interface CelebrationViewProps extends CelebrationLayerProps {
  /** The provider's queue: what is on screen, and how to dismiss it. */
  queue: CelebrationQueue
  /** What the chunk borrows from the first load. */
  kit: CelebrationKit
}

/** The layer, once its strings are here: nothing is claimed from the queue before it can be shown in the right language. */
export function CelebrationView({ messages: overrides, ...props }: CelebrationViewProps) {
  const { kit } = props
  const tables = kit.useLocaleTables(kit.context.locale, kit.coversAll(enCelebrationMessages, overrides))
  if (!tables) return null
  return <LayerContent {...props} messages={kit.withOverrides(tables.celebrations ?? enCelebrationMessages, overrides)} />
}
CelebrationView.displayName = 'CelebrationView'

type LayerContentProps = Omit<CelebrationViewProps, 'messages'> & { messages: CelebrationMessages }

function LayerContent({ queue, kit, messages, toastDurationMs = TOAST_DURATION_MS, container, className }: LayerContentProps) {
  const { dir, format, theme, unstyled } = kit.context
  const { modal, toasts } = useSyncExternalStore(queue.subscribe, queue.getSnapshot, queue.getSnapshot)
  return createPortal(
    <div data-cairn-celebrations="" data-cairn-styled={unstyled ? undefined : ''} data-cairn-theme={theme} dir={dir} className={className}>
      {modal ? <CelebrationDialog key={modal.key} kit={kit} modal={modal} messages={messages} onClose={() => queue.dismiss(modal.key)} /> : null}
      <CelebrationToasts Icon={kit.Icon} toasts={toasts} messages={messages} formatters={format} onDismiss={queue.dismiss} durationMs={toastDurationMs} />
    </div>,
    container ?? document.body,
  )
}
LayerContent.displayName = 'CelebrationLayerContent'
