import { useEffect, useState } from 'react'
import { demoProgram } from '../../core'
import { IntervalChart } from '../charts/IntervalChart'
import { fetchExperiment, type ExperimentInsights } from '../demo-api'

const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 })
const number = new Intl.NumberFormat('en')
const points = new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' })
const pValue = new Intl.NumberFormat('en', { maximumSignificantDigits: 2 })

type Load = { status: 'loading' } | { status: 'ready'; experiment: ExperimentInsights } | { status: 'error'; message: string }

/** The sentence a product team acts on: what the interval says, and how much more data a clear answer needs. */
export function liftGuidance(experiment: ExperimentInsights): string {
  const { lift, power, metric } = experiment
  if (lift.ci95 === null) {
    const empty = lift.unavailable === 'treatment_empty' ? 'with the widget' : lift.unavailable === 'control_empty' ? 'in the holdout' : 'in either group'
    return `Not enough accounts to compare yet: none ${empty} is ${metric.withinDays} days past signup.`
  }
  const [low, high] = lift.ci95
  const more = power && power.moreSubjectsNeeded > 0
    ? ` About ${number.format(power.moreSubjectsNeeded)} more accounts are needed to detect a ${number.format(power.effect * 100)}-point effect.`
    : ''
  if (low > 0) return `Cairn raises activation: the whole 95% interval lies above zero.`
  if (high < 0) return `Activation is lower with Cairn: the whole 95% interval lies below zero. Worth a closer look.`
  return `No detectable difference yet: the 95% interval still includes zero.${more}`
}

/** "Does Cairn raise activation?": treatment against the holdout, with the difference drawn as an interval. */
export function ExperimentSection() {
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  useEffect(() => {
    const controller = new AbortController()
    fetchExperiment(controller.signal).then(
      (experiment) => setLoad({ status: 'ready', experiment }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoad({ status: 'error', message: error instanceof Error ? error.message : String(error) })
      },
    )
    return () => controller.abort()
  }, [])

  return (
    <section className="tk-card tk-chart-card" aria-labelledby="tk-experiment-title" data-tk-experiment="">
      <h2 id="tk-experiment-title">Does Cairn raise activation?</h2>
      {load.status === 'loading' && <p className="tk-muted" role="status">Loading the experiment…</p>}
      {load.status === 'error' && <p role="alert">The experiment could not be loaded ({load.message}).</p>}
      {load.status === 'ready' && <ExperimentResult experiment={load.experiment} />}
    </section>
  )
}

function ExperimentResult({ experiment }: { experiment: ExperimentInsights }) {
  const { treatment, holdout, lift, metric } = experiment
  const goal = metric.levelId !== undefined
    ? `completing “${demoProgram.levels.find((l) => l.id === metric.levelId)?.title ?? metric.levelId}”`
    : `achieving “${demoProgram.milestones.find((m) => m.id === metric.milestoneId)?.title ?? metric.milestoneId}”`
  const arm = (a: ExperimentInsights['treatment']) =>
    a.rate === null ? 'no accounts yet' : `${percent.format(a.rate)} · ${number.format(a.converted)} of ${number.format(a.n)} accounts`
  const asPoints = (value: number) => points.format(value * 100)

  return (
    <>
      <p className="tk-muted">
        Activation means {goal} within {number.format(metric.withinDays)} days of signing up. {number.format(experiment.holdoutPercent)}% of
        accounts are held out at random: they use Taskly without the progress widget. Only accounts at least {number.format(metric.withinDays)} days
        old are counted.
      </p>
      <dl className="tk-kpis">
        <div className="tk-card">
          <dt>With Cairn</dt>
          <dd>{arm(treatment)}</dd>
        </div>
        <div className="tk-card">
          <dt>Held out (no widget)</dt>
          <dd>{arm(holdout)}</dd>
        </div>
        <div className="tk-card">
          <dt>Difference (95% interval)</dt>
          <dd>{lift.ci95 === null || lift.absolute === null ? '—' : `${asPoints(lift.absolute)} points (${asPoints(lift.ci95[0])} to ${asPoints(lift.ci95[1])})`}</dd>
        </div>
      </dl>
      {lift.ci95 !== null && lift.absolute !== null && (
        <IntervalChart
          title="Difference in activation, with its 95% interval"
          description={`With Cairn minus held out: ${asPoints(lift.absolute)} percentage points; the 95% interval runs from ${asPoints(lift.ci95[0])} to ${asPoints(lift.ci95[1])} points, ${lift.ci95[0] > 0 || lift.ci95[1] < 0 ? 'entirely on one side of zero' : 'crossing zero'}.`}
          estimate={lift.absolute * 100}
          low={lift.ci95[0] * 100}
          high={lift.ci95[1] * 100}
          format={(value) => points.format(value)}
        />
      )}
      <p className="tk-experiment-guidance" data-tk-experiment-guidance="">
        {liftGuidance(experiment)}
      </p>
      {lift.pValue !== null && (
        <p className="tk-experiment-method">
          Differences are in percentage points; each account counts once. Interval: Newcombe&apos;s hybrid score method; p = {pValue.format(lift.pValue)} (two-sided test of equal rates).
        </p>
      )}
    </>
  )
}
