import { useEffect, useState } from 'react'
import { BarChart } from '../charts/BarChart'
import { VelocityChart } from '../charts/VelocityChart'
import { fetchInsights, type Insights } from '../demo-api'
import { ExperimentSection } from './ExperimentSection'

const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 })
const number = new Intl.NumberFormat('en')
const days = new Intl.NumberFormat('en', { maximumFractionDigits: 1 })

type Load = { status: 'loading' } | { status: 'ready'; insights: Insights } | { status: 'error'; message: string }

/** The Taskly team's view of onboarding: where people finish, where they stop, how fast they get there. */
export function InsightsPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const controller = new AbortController()
    fetchInsights(controller.signal).then(
      (insights) => setLoad({ status: 'ready', insights }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoad({ status: 'error', message: error instanceof Error ? error.message : String(error) })
      },
    )
    return () => controller.abort()
  }, [attempt])

  if (load.status === 'loading') return <p className="tk-muted" role="status">Loading insights…</p>
  if (load.status === 'error') {
    return (
      <div className="tk-card tk-page-card" role="alert">
        <p>Insights could not be loaded ({load.message}).</p>
        <button type="button" className="tk-button" onClick={() => { setLoad({ status: 'loading' }); setAttempt((n) => n + 1) }}>
          Try again
        </button>
      </div>
    )
  }
  return <InsightsCharts insights={load.insights} />
}

function InsightsCharts({ insights }: { insights: Insights }) {
  const levelMilestones = insights.milestones.filter((m) => m.levelId)
  const shown = levelMilestones.length > 0 ? levelMilestones : insights.milestones
  const best = [...shown].sort((a, b) => b.completionRate - a.completionRate)[0]
  const timed = shown.filter((m) => m.medianDaysToAchieve !== null)
  const totalAchieved = insights.velocity.reduce((sum, w) => sum + w.achieved, 0)

  return (
    <div className="tk-insights">
      <dl className="tk-kpis">
        <div className="tk-card">
          <dt>People in the program</dt>
          <dd>{number.format(insights.subjects)}</dd>
        </div>
        <div className="tk-card">
          <dt>Most completed step</dt>
          <dd>{best ? `${best.title} · ${percent.format(best.completionRate)}` : '—'}</dd>
        </div>
        <div className="tk-card">
          <dt>Milestones reached, last {insights.velocity.length} weeks</dt>
          <dd>{number.format(totalAchieved)}</dd>
        </div>
      </dl>

      <ExperimentSection />

      <section className="tk-card tk-chart-card" aria-labelledby="tk-completion-title">
        <h2 id="tk-completion-title">Completion rate per milestone</h2>
        <BarChart
          title="Completion rate per milestone"
          description={best ? `Share of eligible people who achieved each milestone. Highest: ${best.title} at ${percent.format(best.completionRate)}.` : 'No milestones yet.'}
          data={shown.map((m) => ({ label: m.title, value: m.completionRate, display: percent.format(m.completionRate), note: `${number.format(m.achieved)}/${number.format(m.eligible)}` }))}
          max={1}
        />
      </section>

      <section className="tk-card tk-chart-card" aria-labelledby="tk-funnel-title">
        <h2 id="tk-funnel-title">Drop-off across level steps</h2>
        {insights.levels.map((level) => (
          <div key={level.id} className="tk-funnel">
            <h3>{level.title}</h3>
            <BarChart
              title={`${level.title}: people reaching each step`}
              description={`How many people reached each step of ${level.title}, with the drop from the step before.`}
              color="var(--tk-accent-soft-strong)"
              data={level.steps.map((step, i) => {
                const previous = i > 0 ? level.steps[i - 1]?.reached : undefined
                const lost = previous ? Math.max(0, (previous - step.reached) / previous) : undefined
                return {
                  label: step.title,
                  value: step.reached,
                  display: number.format(step.reached),
                  // Later steps are not strict subsets (people skip ahead), so only a real loss is annotated.
                  ...(lost !== undefined && lost >= 0.005 ? { note: `−${percent.format(lost)}` } : {}),
                }
              })}
            />
          </div>
        ))}
      </section>

      <section className="tk-card tk-chart-card" aria-labelledby="tk-median-title">
        <h2 id="tk-median-title">Median time to milestone</h2>
        <BarChart
          title="Median days from sign-up to milestone"
          description="For people who achieved each milestone, the median number of days it took after signing up."
          color="var(--tk-green)"
          data={timed.map((m) => ({ label: m.title, value: m.medianDaysToAchieve ?? 0, display: `${days.format(m.medianDaysToAchieve ?? 0)} days` }))}
        />
      </section>

      <section className="tk-card tk-chart-card" aria-labelledby="tk-velocity-title">
        <h2 id="tk-velocity-title">Milestone velocity per week</h2>
        <VelocityChart
          title="Milestones achieved per week"
          description={`Milestones achieved across all users each week, oldest first; ${number.format(totalAchieved)} in total.`}
          weeks={insights.velocity}
        />
      </section>
    </div>
  )
}
