import { useState, type FormEvent } from 'react'
import type { WorkspaceApi } from '../use-workspace'

const SAMPLE_EMAILS = ['alex@example.com', 'priya@example.com', 'jordan@example.com', 'mei@example.com']

/** People in the workspace and an invite form. */
export function TeamPage({ api, autoFocus }: { api: WorkspaceApi; autoFocus: boolean }) {
  const { workspace } = api
  const [email, setEmail] = useState(() => SAMPLE_EMAILS[workspace.teammates.length % SAMPLE_EMAILS.length] ?? '')

  async function invite(event: FormEvent) {
    event.preventDefault()
    const address = email.trim()
    if (!address) return
    if (await api.act('invite_teammate', { type: 'teammate_invited', email: address })) {
      setEmail(SAMPLE_EMAILS[(workspace.teammates.length + 1) % SAMPLE_EMAILS.length] ?? '')
    }
  }

  return (
    <section className="tk-card tk-page-card" aria-labelledby="tk-team-title">
      <h2 id="tk-team-title">Your team</h2>
      <p className="tk-muted">Work moves faster together. Invite the people you already share work with.</p>
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
          {workspace.teammates.map((person, i) => (
            <li key={`${person}-${i}`}>
              <span className="tk-avatar" aria-hidden="true">
                {person.slice(0, 1).toUpperCase()}
              </span>
              {person}
              <span className="tk-muted">Invited</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="tk-muted">It is just you for now.</p>
      )}
    </section>
  )
}
