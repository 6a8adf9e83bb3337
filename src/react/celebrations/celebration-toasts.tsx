// Small moments: polite toasts in a corner, auto-dismissed, paused while the user hovers or focuses them.
import { useEffect, useRef, useState } from 'react'
import type { Icon } from '../components/icons'
import type { Formatters } from '../i18n'
import { celebrationEmoji, celebrationHeadline, type CelebrationMessages } from './celebration-messages'
import type { ToastDisplay } from './celebration-queue'

/** Why a toast left the screen: its close button, or its time ran out. */
type DismissReason = 'user' | 'timeout'

/** Long enough to read a short line twice; hover or focus pauses it for slower readers. */
export const TOAST_DURATION_MS = 6_000

function toastText(toast: ToastDisplay, messages: CelebrationMessages, f: Formatters): { title: string; detail?: string } {
  if (toast.as === 'toast') {
    const { kind, title, message } = toast.celebration
    return { title: celebrationHeadline(messages, kind, title), detail: message }
  }
  const list = toast.celebrations
  const titles = new Intl.ListFormat(f.locale, { type: 'unit', style: 'short' }).format(list.map((c) => c.title))
  return { title: messages.groupAchieved(list.length, list.map((c) => c.kind), f), detail: titles }
}

/** Runs `onTimeout` after `durationMs` of un-paused time (pausing keeps the time already spent). */
function useAutoDismiss(durationMs: number, paused: boolean, onTimeout: () => void): void {
  const remaining = useRef(durationMs)
  const callback = useRef(onTimeout)
  useEffect(() => {
    callback.current = onTimeout
  })
  useEffect(() => {
    if (paused) return
    const startedAt = Date.now()
    const timer = setTimeout(() => callback.current(), remaining.current)
    return () => {
      clearTimeout(timer)
      remaining.current = Math.max(0, remaining.current - (Date.now() - startedAt))
    }
  }, [paused])
}

interface ToastProps {
  toast: ToastDisplay
  paused: boolean
  durationMs: number
  messages: CelebrationMessages
  formatters: Formatters
  onDismiss(key: string, reason: DismissReason): void
  Icon: typeof Icon
}

function CelebrationToast({ toast, paused, durationMs, messages, formatters, onDismiss, Icon }: ToastProps) {
  useAutoDismiss(durationMs, paused, () => onDismiss(toast.key, 'timeout'))
  const { title, detail } = toastText(toast, messages, formatters)
  const kind = toast.as === 'group' ? 'group' : toast.celebration.kind
  return (
    <div role="status" aria-atomic="true" data-cairn-toast="" data-cairn-celebration={toast.key} data-kind={kind}>
      <span data-cairn-toast-icon="" aria-hidden="true">
        {toast.as === 'group' ? '🎉' : celebrationEmoji(toast.celebration.kind)}
      </span>
      <span data-cairn-toast-body="">
        <span data-cairn-toast-title="">{title}</span>
        {detail ? <span data-cairn-toast-detail="">{detail}</span> : null}
      </span>
      <button type="button" data-cairn-toast-dismiss="" aria-label={messages.toastDismiss} onClick={() => onDismiss(toast.key, 'user')}>
        {/* The cross of `CloseIcon`, drawn here: the chunk imports no first-load module (the frame comes in the kit). */}
        <Icon name="close" size={14}>
          <path d="m4 4 8 8M12 4l-8 8" />
        </Icon>
      </button>
    </div>
  )
}

export interface CelebrationToastsProps {
  /** Toasts on screen, oldest first. */
  toasts: ToastDisplay[]
  messages: CelebrationMessages
  formatters: Formatters
  onDismiss(key: string): void
  /** @default TOAST_DURATION_MS (6 s) */
  durationMs?: number
  /** The first load's close icon, handed over by the host (see CelebrationKit). */
  Icon: typeof Icon
}

/**
 * The polite live region holding the toasts. It stays mounted while empty: screen readers only
 * announce additions to a region that already existed.
 */
export function CelebrationToasts({ toasts, messages, formatters, onDismiss, durationMs = TOAST_DURATION_MS, Icon }: CelebrationToastsProps) {
  const [hovered, setHovered] = useState(false)
  const [focused, setFocused] = useState(false)
  const paused = hovered || focused
  const dismiss = (key: string, reason: DismissReason) => {
    // Removing the focused toast fires no blur; focus falls back to the page, so stop pausing here.
    if (reason === 'user') setFocused(false)
    onDismiss(key)
  }
  return (
    <section
      data-cairn-toasts=""
      aria-label={messages.toastRegion}
      aria-live="polite"
      aria-relevant="additions text"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false)
      }}
    >
      {/* Divs, not a list: a role="status" <li> is not a list item (aria-allowed-role, list). */}
      <div data-cairn-toast-list="">
        {toasts.map((toast) => (
          <CelebrationToast
            key={toast.key}
            toast={toast}
            paused={paused}
            durationMs={durationMs}
            messages={messages}
            formatters={formatters}
            onDismiss={dismiss}
            Icon={Icon}
          />
        ))}
      </div>
    </section>
  )
}
CelebrationToasts.displayName = 'CelebrationToasts'
