import type { Insights } from '../demo-api'

const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 })
const number = new Intl.NumberFormat('en', { maximumFractionDigits: 2 })

type Success = NonNullable<Insights['success']>

/** The seeds' success metrics: milestone density, retention with vs without early milestones, completion by plan. */
export function SuccessMetricsSection({ success }: { success: Success }) {
  const { retention, completionBySegment } = success
  const arm = (a: Success['retention']['withEarlyMilestones']) =>
    a.rate === null ? 'no accounts old enough yet' : `${percent.format(a.rate)} · ${number.format(a.retained)} of ${number.format(a.accounts)} accounts`
  return (
    <section className="tk-card tk-chart-card" aria-labelledby="tk-success-title" data-tk-success-metrics="">
      <h2 id="tk-success-title">Is the program working?</h2>
      <p className="tk-muted tk-chart-caption">
        Retained means any activity in days {retention.windowDays[0]}–{retention.windowDays[1]} after sign-up; early means {retention.earlyMilestones}+ milestones in
        the first {retention.earlyDays} days. Only accounts at least {retention.windowDays[1]} days old count. A difference here is a correlation, not proof: the
        holdout experiment above measures cause.
      </p>
      <dl className="tk-kpis">
        <div className="tk-card">
          <dt>Retained, with early milestones</dt>
          <dd>{arm(retention.withEarlyMilestones)}</dd>
        </div>
        <div className="tk-card">
          <dt>Retained, without</dt>
          <dd>{arm(retention.withoutEarlyMilestones)}</dd>
        </div>
        <div className="tk-card">
          <dt>Milestones per account per month</dt>
          <dd>{number.format(success.milestoneDensity)}</dd>
        </div>
      </dl>
      <table className="tk-table">
        <caption className="tk-muted">Completion by {completionBySegment.trait}: share of the milestones that apply to an account that it achieved</caption>
        <thead>
          <tr>
            <th scope="col">{completionBySegment.trait}</th>
            <th scope="col">Accounts</th>
            <th scope="col">Completion</th>
          </tr>
        </thead>
        <tbody>
          {completionBySegment.segments.map((segment) => (
            <tr key={segment.value}>
              <th scope="row">{segment.value}</th>
              <td>{number.format(segment.accounts)}</td>
              <td>{percent.format(segment.completionRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
