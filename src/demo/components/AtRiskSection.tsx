import { onLinkClick } from '../router'
import type { Insights } from '../demo-api'

const number = new Intl.NumberFormat('en')

type AtRisk = NonNullable<Insights['atRisk']>[number]

/** "37 users inactive for 14+ days": what each signal means, said with its own numbers. */
export function atRiskLine(entry: AtRisk): string {
  const users = `${number.format(entry.active)} ${entry.active === 1 ? 'user' : 'users'}`
  switch (entry.kind) {
    case 'inactive':
      return `${users} inactive for ${entry.days}+ days`
    case 'usage_drop':
      return `${users}: ${entry.title.toLowerCase()} over the last ${entry.days} days`
    case 'stalled':
      return `${users} with no new milestone in ${entry.days}+ days`
  }
}

/** How many people each risk signal is active for right now, with the way to act on it (the customer-success page). */
export function AtRiskSection({ atRisk, subjects }: { atRisk: readonly AtRisk[]; subjects: number }) {
  return (
    <section className="tk-card tk-chart-card" aria-labelledby="tk-risk-title" data-tk-at-risk="">
      <h2 id="tk-risk-title">At risk now</h2>
      <p className="tk-muted tk-chart-caption">
        Out of {number.format(subjects)} people in the program. Counted from each person's stored progress, which Cairn updates the moment a signal comes due.
      </p>
      <ul className="tk-risk-list">
        {atRisk.map((entry) => (
          <li key={entry.signalId} data-signal={entry.signalId}>
            {atRiskLine(entry)}
          </li>
        ))}
      </ul>
      <p>
        <a href="/success" onClick={onLinkClick}>
          See the accounts at risk
        </a>
      </p>
    </section>
  )
}
