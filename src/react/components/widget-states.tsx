import { useCairnContext } from '../context'
import { VisuallyHidden } from './visually-hidden'
import { usePartClass } from './part-attributes'

/** Placeholder blocks while the first snapshot loads; the root carries `aria-busy`. */
export function LoadingSkeleton() {
  const { messages, localeReady } = useCairnContext()
  return (
    <>
      <div data-cairn-skeleton="" aria-hidden="true">
        <div />
        <div />
        <div />
        <div />
      </div>
      {localeReady && <VisuallyHidden>{messages.loading}</VisuallyHidden>}
    </>
  )
}

/** A quiet failure line with a retry: `stale` when last good data is still shown below it. */
export function ErrorNotice({ stale }: { stale: boolean }) {
  const { store, messages } = useCairnContext()
  const className = usePartClass('notice')
  return (
    <p data-cairn-notice={stale ? 'stale' : 'error'} className={className}>
      {stale ? messages.refreshError : messages.loadError}{' '}
      <button type="button" data-cairn-retry="" onClick={() => void store.getState().load()}>
        {messages.retry}
      </button>
    </p>
  )
}
