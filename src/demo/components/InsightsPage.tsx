import { useEffect, useState } from 'react'
import { BarChart } from '../charts/BarChart'
import { funnelOf } from '../charts/funnel'
import { FunnelChart } from '../charts/FunnelChart'
import { VelocityChart } from '../charts/VelocityChart'
import { fetchInsights, type Insights } from '../demo-api'
import { AtRiskSection } from './AtRiskSection'
import { ExperimentSection } from './ExperimentSection'
import { SuccessMetricsSection } from './SuccessMetricsSection'

const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 })
const number = new Intl.NumberFormat('en')
const days = new Intl.NumberFormat('en', { maximumFractionDigits: 1 })
const dateTime = new Intl.DateTimeFormat('en', { weekday: 'long', hour: 'numeric', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' })

type Load = { status: 'loading' } | { status: 'ready'; insights: Insights } | { status: 'error'; message: string }
type MilestoneInsight = Insights['milestones'][number]

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

/** "792/844", and for a milestone with a deadline also how many missed it ("· 12% missed"). */
function completionNote(m: MilestoneInsight): string {
  const base = `${number.format(m.achieved)}/${number.format(m.eligible)}`
  return m.missed !== undefined && m.eligible > 0 ? `${base} · ${percent.format(m.missed / m.eligible)} missed` : base
}

const completionBars = (list: MilestoneInsight[]) =>
  list.map((m) => ({ label: m.title, value: m.completionRate, display: percent.format(m.completionRate), note: completionNote(m) }))

function InsightsCharts({ insights }: { insights: Insights }) {
  const inLevels = insights.milestones.filter((m) => m.levelId)
  const outside = insights.milestones.filter((m) => !m.levelId)
  const best = [...insights.milestones].sort((a, b) => b.completionRate - a.completionRate)[0]
  const timed = insights.milestones.filter((m) => m.medianDaysToAchieve !== null)
  const totalAchieved = insights.velocity.reduce((sum, w) => sum + w.achieved, 0)
  const current = insights.velocity.at(-1)
  const funnel = funnelOf(insights)
  const biggestDrop = [...funnel.steps].filter((s) => s.change !== undefined).sort((a, b) => (a.change ?? 0) - (b.change ?? 0))[0]

  return (
    <div className="tk-insights">
      <dl className="tk-kpis">
        <div className="tk-card">
          <dt>People in the program</dt>
          <dd>{number.format(insights.subjects)}</dd>
        </div>
        <div className="tk-card">
          <dt>Most completed milestone</dt>
          <dd>{best ? `${best.title} · ${percent.format(best.completionRate)}` : '—'}</dd>
        </div>
        <div className="tk-card">
          <dt>Milestones reached, last {insights.velocity.length} weeks{current?.partial ? ' (this one so far)' : ''}</dt>
          <dd>{number.format(totalAchieved)}</dd>
        </div>
      </dl>

      {insights.atRisk && insights.atRisk.length > 0 && <AtRiskSection atRisk={insights.atRisk} subjects={insights.subjects} />}

      <ExperimentSection />

      {insights.success && <SuccessMetricsSection success={insights.success} />}

      <section className="tk-card tk-chart-card" aria-labelledby="tk-completion-title">
        <h2 id="tk-completion-title">Completion rate per milestone</h2>
        <p className="tk-muted tk-chart-caption">Share of the people each milestone applies to who achieved it; for a milestone with a deadline, also the share who missed it.</p>
        <div className="tk-funnel">
          <h3>In levels</h3>
          <BarChart title="Completion rate per milestone in levels" description={best ? `Highest overall: ${best.title} at ${percent.format(best.completionRate)}.` : 'No milestones yet.'} data={completionBars(inLevels)} max={1} />
        </div>
        {outside.length > 0 && (
          <div className="tk-funnel">
            <h3>Outside levels</h3>
            <BarChart
              title="Completion rate of milestones outside levels"
              description="Habits, team goals and deadlines that sit beside the levels, with the share who missed a deadline."
              data={completionBars(outside)}
              max={1}
            />
          </div>
        )}
      </section>

      <section className="tk-card tk-chart-card" aria-labelledby="tk-funnel-title">
        <h2 id="tk-funnel-title">Drop-off across level steps</h2>
        <p className="tk-muted tk-chart-caption">
          One scale for every level: 100% is everyone who could start. Each step shows the change from the step above it, also where one level
          ends and the next begins. Steps can be done out of order, so a step can gain people (+).
        </p>
        <FunnelChart
          title="Onboarding funnel across all levels"
          description={`${number.format(funnel.start)} people could start.${biggestDrop?.change !== undefined ? ` The biggest drop is at ${biggestDrop.label} (${percent.format(biggestDrop.change)}).` : ''}`}
          funnel={funnel}
          formatPercent={(share) => percent.format(share)}
          formatNumber={(n) => number.format(n)}
        />
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
        {current?.partial && (
          <p className="tk-muted tk-chart-caption">
            The last column is this week so far{current.through ? `, counted up to ${dateTime.format(new Date(current.through))}` : ''}; it is drawn hollow and left out of
            the trend line.
          </p>
        )}
        <VelocityChart
          title="Milestones achieved per week"
          description={`Milestones achieved across all users each week, oldest first; ${number.format(totalAchieved)} in total${current?.partial ? ', the last week still running' : ''}.${versionNote(insights)}`}
          weeks={insights.velocity}
          versions={insights.versions ?? []}
        />
      </section>
    </div>
  )
}

/** Says when the program changed, so a jump in the chart is read against it (the first version is no change). */
function versionNote(insights: Insights): string {
  const changes = (insights.versions ?? []).slice(1)
  if (changes.length === 0) return ''
  const format = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' })
  return ` Dashed lines mark program changes: ${changes.map((c) => `version ${c.version} from ${format.format(new Date(c.activatedAt))}`).join(', ')}.`
}
