import { forwardRef, lazy, Suspense, useId, useMemo, useState } from 'react'
import { selectStatus } from '../../store'
import { useCairnContext } from '../context'
import { useCairnSelector } from '../hooks/use-cairn-selector'
import { useHoldout } from '../hooks/use-holdout'
import type { DigestKit, DigestState } from './digest-result'
import { CheckIcon, ChevronIcon } from './icons'
import { usePartRoot } from './part-attributes'

export interface DigestCardProps {
  /** Which summary to show. @default 'week' */
  period?: 'week' | 'month'
  /** Open (and load) at once instead of on the first click. @default false */
  defaultOpen?: boolean
  className?: string
}

// Everything past the toggle (the request and the digest view) arrives with the first opening: a closed card
// costs its button only.
const DigestContent = lazy(() => import('./digest-result'))

/**
 * "This week you: ✅ …" — fetched from the source only when first opened, so it costs nothing until wanted.
 * Renders nothing (and fetches nothing) until the first snapshot, and for a subject in the experiment's holdout.
 */
export const DigestCard = forwardRef<HTMLElement, DigestCardProps>(function DigestCard({ period = 'week', defaultOpen = false, className }, ref) {
  const context = useCairnContext()
  const { messages } = context
  const kit = useMemo<DigestKit>(() => ({ context, CheckIcon }), [context])
  const root = usePartRoot('digest', className)
  const contentId = useId()
  const [open, setOpen] = useState(defaultOpen)
  const [state, setState] = useState<DigestState>(defaultOpen ? 'loading' : 'idle')
  const toggle = () => {
    if (state === 'idle') setState('loading')
    setOpen(!open)
  }
  // Nothing until the first snapshot says whether this user is in the experiment's holdout, who sees nothing.
  const loading = useCairnSelector(selectStatus) === 'loading'
  if (useHoldout() || loading) return null

  return (
    <section ref={ref} data-cairn-digest={period} data-state={state} {...root}>
      <h3 data-cairn-card-title="">
        <button type="button" aria-expanded={open} aria-controls={contentId} data-cairn-digest-toggle="" onClick={toggle}>
          <ChevronIcon />
          {messages.digestToggle(period)}
        </button>
      </h3>
      <div id={contentId} hidden={!open} aria-busy={state === 'loading' ? true : undefined}>
        {/* Mounted from the first opening on, so a loaded digest survives closing and opening again. */}
        {state !== 'idle' || open ? (
          <Suspense fallback={open ? <p data-cairn-card-detail="">{messages.loading}</p> : null}>
            <DigestContent period={period} open={open} onState={setState} kit={kit} />
          </Suspense>
        ) : null}
      </div>
    </section>
  )
})
DigestCard.displayName = 'Cairn.DigestCard'
