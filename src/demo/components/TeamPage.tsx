import { useState, type FormEvent } from 'react'
import { useMilestone } from '../../react'
import type { WorkspaceApi } from '../use-workspace'

const SAMPLE_EMAILS = ['alex@example.com', 'priya@example.com', 'jordan@example.com', 'mei@example.com']

/** People in the workspace, an invite form, and (demo only) a way for an invited person to accept. */
export function TeamPage({ api, autoFocus }: { api: WorkspaceApi; autoFocus: boolean }) {
  const { workspace } = api
  const [email, setEmail] = useState(() => nextSample(workspace.teammates.map((t) => t.email)))
  const active = useMilestone('three-active-teammates')

  async function invite(event: FormEvent) {
    event.preventDefault()
    const address = email.trim()
    if (!address) return
    if (await api.act('invite_teammate', { type: 'teammate_invited', email: address })) {
      setEmail(nextSample([...workspace.teammates.map((t) => t.email), address]))
    }
  }

  const join = (address: string) => void api.act('join_teammate', { type: 'teammate_joined', email: address }, { email: address })

  return (
    <section className="tk-card tk-page-card" aria-labelledby="tk-team-title">
      <h2 id="tk-team-title">Your team</h2>
      <p className="tk-muted">Work moves faster together. Invite the people you already share work with.</p>
      {active && active.progress.state !== 'ineligible' && (
        <p data-team-active={active.progress.current}>
          Signed in on your team so far, you included: <strong>{active.progress.current}</strong> of {active.progress.target}.
        </p>
      )}
      <form className="tk-inline-form" onSubmit={invite}>
        <label htmlFor="tk-invite-email">Teammate's email</label>
        <div className="tk-inline-row">
          <input id="tk-invite-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoFocus={autoFocus} required />
          <button type="submit" className="tk-button" disabled={api.busy}>
            Invite teammate
          </button>
        </div>
      </form>
      {workspace.teammates.length > 0 ? (
        <ul className="tk-people">
          {workspace.teammates.map((person) => (
            <li key={person.email} data-teammate={person.email} data-joined={person.joined || undefined}>
              <span className="tk-avatar" aria-hidden="true">
                {person.email.slice(0, 1).toUpperCase()}
              </span>
              <span className="tk-person-email">{person.email}</span>
              {person.joined ? (
                <span className="tk-pill">Joined</span>
              ) : (
                <>
                  <span className="tk-muted">Invited</span>
                  {/* In a real product the invitee clicks the link in their email; the demo lets you play them. */}
                  <button type="button" className="tk-demo-inline" disabled={api.busy} onClick={() => join(person.email)} aria-label={`Demo: ${person.email} accepts and signs in`}>
                    Demo: accept invite
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="tk-muted">It is just you for now.</p>
      )}
    </section>
  )
}

function nextSample(taken: readonly string[]): string {
  return SAMPLE_EMAILS.find((e) => !taken.includes(e)) ?? ''
}
