import { lazy, Suspense, useEffect, useId, useState, type Ref } from 'react'
import { useCairnContext } from '../context'
import type { DigestResult } from './digest-result'
import { ChevronIcon } from './icons'
import { usePartRoot } from './part-attributes'

export interface DigestCardProps {
  /** Which summary to show. @default 'week' */
  period?: 'week' | 'month'
  /** Open (and load) at once instead of on the first click. @default false */
  defaultOpen?: boolean
  className?: string
  ref?: Ref<HTMLElement>
}

// The view of a loaded digest arrives with the first opening, alongside the data: a closed card costs its button only.
const DigestResultView = lazy(() => import('./digest-result'))

/** "This week you: ✅ …" — fetched from the source only when first opened, so it costs nothing until wanted. */
export function DigestCard({ period = 'week', defaultOpen = false, className, ref }: DigestCardProps) {
  const { source, messages, reportError } = useCairnContext()
  const root = usePartRoot('digest', className)
  const contentId = useId()
  const [open, setOpen] = useState(defaultOpen)
  const [attempt, setAttempt] = useState(0)
  const [loaded, setLoaded] = useState<DigestResult | null>(null)
  const key = `${period}:${attempt}`
  const current = loaded?.key === key ? loaded : null

  useEffect(() => {
    if (!open || current) return
    const controller = new AbortController()
    source.digest(period, controller.signal).then(
      (digest) => setLoaded({ key, digest }),
      (error: unknown) => {
        if (controller.signal.aborted) return
        reportError(error)
        setLoaded({ key, failed: true })
      },
    )
    return () => controller.abort()
  }, [open, current, key, period, source, reportError])

  const loading = <p data-cairn-card-detail="">{messages.loading}</p>
  const state = current ? ('failed' in current ? 'error' : 'ready') : open ? 'loading' : 'idle'
  return (
    <section ref={ref} data-cairn-digest={period} data-state={state} {...root}>
      <h3 data-cairn-card-title="">
        <button type="button" aria-expanded={open} aria-controls={contentId} data-cairn-digest-toggle="" onClick={() => setOpen(!open)}>
          <ChevronIcon />
          {messages.digestToggle(period)}
        </button>
      </h3>
      <div id={contentId} hidden={!open} aria-busy={state === 'loading' ? true : undefined}>
        {current ? (
          <Suspense fallback={loading}>
            <DigestResultView result={current} period={period} onRetry={() => setAttempt(attempt + 1)} />
          </Suspense>
        ) : (
          open && loading
        )}
      </div>
    </section>
  )
}
DigestCard.displayName = 'Cairn.DigestCard'
