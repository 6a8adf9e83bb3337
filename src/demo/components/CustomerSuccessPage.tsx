import { useEffect, useState } from 'react'
import { fetchAccounts, type AccountRow, type AccountSegment } from '../demo-api'
import { WebhooksPanel } from './WebhooksPanel'

const SEGMENTS: { id: AccountSegment; label: string; empty: string }[] = [
  { id: 'at_risk', label: 'At risk', empty: 'No account is at risk right now.' },
  { id: 'stalled', label: 'Stalled', empty: 'No account has stalled.' },
  { id: 'behind_pace', label: 'Behind pace', empty: 'No account is behind the usual pace.' },
  { id: 'expansion', label: 'Expansion', empty: 'No account is ready for an expansion talk yet.' },
  { id: 'all', label: 'All accounts', empty: 'No accounts yet.' },
]
const PACE: Record<AccountRow['pace'], string> = { ahead: 'Ahead', on_track: 'On track', behind: 'Behind' }
const number = new Intl.NumberFormat('en')

type Load = { status: 'loading' } | { status: 'ready'; rows: AccountRow[] } | { status: 'error'; message: string }

/** Accounts by customer-success segment, each with why it is there and what to do, straight from Cairn's accounts view. */
export function CustomerSuccessPage() {
  const [segment, setSegment] = useState<AccountSegment>('at_risk')
  const [load, setLoad] = useState<Load>({ status: 'loading' })

  useEffect(() => {
    const controller = new AbortController()
    fetchAccounts(segment, controller.signal).then(
      (rows) => setLoad({ status: 'ready', rows }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoad({ status: 'error', message: error instanceof Error ? error.message : String(error) })
      },
    )
    return () => controller.abort()
  }, [segment])

  const current = SEGMENTS.find((s) => s.id === segment)!
  return (
    <div className="tk-success">
      <div className="tk-segments" role="group" aria-label="Segment">
        {SEGMENTS.map((s) => (
          <button key={s.id} type="button" className="tk-chip" aria-pressed={s.id === segment} onClick={() => {
              setLoad({ status: 'loading' })
              setSegment(s.id)
            }}>
            {s.label}
          </button>
        ))}
      </div>
      {load.status === 'loading' && <p className="tk-muted" role="status">Loading accounts…</p>}
      {load.status === 'error' && <p role="alert">Accounts could not be loaded ({load.message}).</p>}
      {load.status === 'ready' && load.rows.length === 0 && <p className="tk-muted">{current.empty}</p>}
      {load.status === 'ready' && load.rows.length > 0 && (
        <div className="tk-card tk-table-wrap">
          <table className="tk-table">
            <caption className="tk-visually-hidden">{`${current.label}: ${number.format(load.rows.length)} accounts`}</caption>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Users</th>
                <th scope="col">Day</th>
                <th scope="col">Milestones</th>
                <th scope="col">Pace</th>
                <th scope="col">Signals</th>
                <th scope="col">Suggested action</th>
              </tr>
            </thead>
            <tbody>
              {load.rows.map((row) => (
                <tr key={row.accountId} data-account={row.accountId}>
                  <th scope="row">{row.accountId}</th>
                  <td>{number.format(row.users)}</td>
                  <td>{number.format(row.daysSinceSignup)}</td>
                  <td>{number.format(row.milestonesAchieved)}</td>
                  <td data-pace={row.pace}>{PACE[row.pace]}</td>
                  <td>{row.signals.length > 0 ? row.signals.join(', ') : '—'}</td>
                  <td>{row.suggestedAction}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <WebhooksPanel />
    </div>
  )
}
