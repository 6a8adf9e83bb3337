import { useEffect, useState } from 'react'
import { connectReceiver, fetchWebhooks, type WebhooksState } from '../demo-api'

/** Deliveries show up within a couple of seconds; the panel only polls while it is on screen. */
const POLL_MS = 2_000
const time = new Intl.DateTimeFormat('en', { timeStyle: 'medium' })

/** Registers Taskly's own receiver with Cairn and shows signed deliveries arriving, so the whole loop fits on one screen. */
export function WebhooksPanel() {
  const [state, setState] = useState<WebhooksState | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [connecting, setConnecting] = useState(false)

  useEffect(() => {
    let stopped = false
    const load = () =>
      fetchWebhooks().then(
        (next) => !stopped && (setState(next), setError(null)),
        (e: unknown) => !stopped && setError(e instanceof Error ? e.message : String(e)),
      )
    void load()
    const timer = setInterval(() => void load(), POLL_MS)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }, [])

  const connect = async () => {
    setConnecting(true)
    try {
      await connectReceiver()
      setState(await fetchWebhooks())
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setConnecting(false)
    }
  }

  const connected = (state?.webhooks.length ?? 0) > 0
  return (
    <section className="tk-card tk-page-card tk-webhooks" aria-labelledby="tk-webhooks-title">
      <h2 id="tk-webhooks-title">Webhooks</h2>
      <p className="tk-muted">
        Cairn posts signed events (milestone achieved, level completed, risk signals, weekly digests) to your CRM, email tool or
        Slack. Here Taskly’s own backend is the receiver: connect it, then do something in the product.
      </p>
      {!connected && (
        <button type="button" className="tk-button" onClick={() => void connect()} disabled={connecting}>
          {connecting ? 'Connecting…' : 'Connect Taskly’s receiver'}
        </button>
      )}
      {connected && <p>Connected: every event type goes to Taskly’s backend.</p>}
      {error && <p role="alert">Webhooks could not be loaded ({error}).</p>}
      {connected && (
        <>
          <h3>Received by Taskly</h3>
          {state!.received.length === 0 ? (
            <p className="tk-muted">Nothing yet. Create a project or finish a task, and the delivery appears here.</p>
          ) : (
            <ul className="tk-deliveries" aria-live="polite">
              {state!.received.map((item) => (
                <li key={`${item.event.id}-${item.receivedAt}`} data-delivery-type={item.event.type}>
                  <time dateTime={item.receivedAt}>{time.format(new Date(item.receivedAt))}</time> <code>{item.event.type}</code>{' '}
                  {item.event.data.title} <span className="tk-muted">({item.event.data.userId})</span>{' '}
                  <span>{item.verified ? 'signature verified' : 'signature NOT verified'}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  )
}
