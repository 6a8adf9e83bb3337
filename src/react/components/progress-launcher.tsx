import { forwardRef, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { selectOverall, selectStatus } from '../../store'
import { useCairnContext } from '../context'
import { useCairnSelector } from '../hooks/use-cairn-selector'
import { useHoldout } from '../hooks/use-holdout'
import { CairnErrorBoundary } from './error-boundary'
import { CloseIcon } from './icons'
import { mergeRefs } from './merge-refs'
import { usePartClass, usePartRoot } from './part-attributes'
import { ProgressRing } from './progress-ring'
import { ProgressWidget } from './progress-widget'

export interface ProgressLauncherProps {
  /** Controlled open state. */
  open?: boolean
  /** Initial state when uncontrolled. @default false */
  defaultOpen?: boolean
  onOpenChange?: (open: boolean) => void
  /** Panel content. @default <ProgressWidget /> */
  children?: ReactNode
  className?: string
}

/**
 * A floating button with a compact progress ring that opens the widget as a popover dialog. Escape or the
 * close button closes it and returns focus to the button; a click outside closes it without moving focus.
 */
export const ProgressLauncher = forwardRef<HTMLDivElement, ProgressLauncherProps>(function ProgressLauncher({ open: controlledOpen, defaultOpen = false, onOpenChange, children, className }, ref) {
  const { messages, format, dir, reportError } = useCairnContext()
  const root = usePartRoot('launcher', className)
  const panelClass = usePartClass('panel')
  const overall = useCairnSelector(selectOverall)
  // Without a snapshot there is no "0 of 0 done" to claim: the button says it is loading, or (the first load failed,
  // the panel says so) just what it opens. Nothing in it depends on the program, so a holdout user, who cannot be
  // told apart before the first snapshot, sees the same loading button as everyone, then nothing (DESIGN §7.6).
  const status = useCairnSelector(selectStatus)
  const holdout = useHoldout()
  const panelId = useId()
  const [uncontrolledOpen, setUncontrolledOpen] = useState(defaultOpen)
  const open = controlledOpen ?? uncontrolledOpen
  const container = useRef<HTMLDivElement | null>(null)
  const rootRef = useMemo(() => mergeRefs(ref, container), [ref])
  const button = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLDivElement>(null)
  // Focus moves into the panel only when the user opened it, never on a page load with defaultOpen.
  const focusPanel = useRef(false)

  const setOpen = (next: boolean) => {
    setUncontrolledOpen(next)
    onOpenChange?.(next)
  }
  const close = (restoreFocus: boolean) => {
    setOpen(false)
    if (restoreFocus) button.current?.focus()
  }

  useEffect(() => {
    if (open && focusPanel.current) {
      focusPanel.current = false
      panel.current?.focus()
    }
  }, [open])

  useEffect(() => {
    if (!open) return
    const onPointerDown = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) {
        setUncontrolledOpen(false)
        onOpenChange?.(false)
      }
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open, onOpenChange])

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return
    event.stopPropagation()
    close(true)
  }

  // The experiment's holdout sees no launcher (DESIGN §7.6).
  if (holdout) return null
  return (
    <div
      ref={rootRef}
      data-cairn-launcher=""
      data-state={open ? 'open' : 'closed'}
      dir={dir}
      onKeyDown={onKeyDown}
      {...root}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-haspopup="dialog"
        aria-label={status === 'ready' ? messages.launcherLabel(overall.completed, overall.total, format) : status === 'loading' ? messages.loading : messages.widgetTitle}
        data-cairn-launcher-button=""
        onClick={() => {
          if (open) return close(false)
          focusPanel.current = true
          setOpen(true)
        }}
      >
        <ProgressRing value={overall.completed} max={overall.total || 1} size={30} thickness={3} />
      </button>
      <div ref={panel} id={panelId} role="dialog" aria-label={messages.widgetTitle} tabIndex={-1} hidden={!open} data-cairn-panel="" className={panelClass}>
        {open && (
          <CairnErrorBoundary onError={reportError}>
            <button type="button" aria-label={messages.close} data-cairn-close="" onClick={() => close(true)}>
              <CloseIcon />
            </button>
            {children ?? <ProgressWidget />}
          </CairnErrorBoundary>
        )}
      </div>
    </div>
  )
})
ProgressLauncher.displayName = 'Cairn.ProgressLauncher'
