import { useProgress } from '../../src/react'

/**
 * A note for stories where the part correctly renders nothing: once the data has loaded it says so, and
 * gives the play function something to wait for (`data-story-status="ready"`).
 */
export function NothingRenderedNote({ why }: { why: string }) {
  const { status } = useProgress()
  return (
    <p data-story-status={status} style={{ font: '13px system-ui, sans-serif', margin: 0 }}>
      {status === 'ready' ? `Nothing rendered: ${why}` : 'Loading…'}
    </p>
  )
}
