import { useMilestone } from '../../react'
import { onLinkClick } from '../router'

/** The first-week set-up steps (Cairn's "Finish setting up" milestone), each with where to do it. */
const STEPS = ['first-project', 'five-tasks', 'invite-teammate'] as const

/** "Getting started": the set-up checklist as a page, read from Cairn so it always agrees with the widget. */
export function SetupPage() {
  const setup = useMilestone('finish-setup')
  return (
    <section className="tk-card tk-page-card" aria-labelledby="tk-setup-title">
      <h2 id="tk-setup-title">{setup?.definition.title ?? 'Getting started'}</h2>
      {setup?.definition.description && <p className="tk-muted">{setup.definition.description}</p>}
      <ol className="tk-steps">
        {STEPS.map((id) => (
          <SetupStep key={id} id={id} />
        ))}
      </ol>
    </section>
  )
}

function SetupStep({ id }: { id: string }) {
  const step = useMilestone(id)
  if (!step) return null
  const done = step.progress.state === 'achieved'
  const { cta } = step.definition
  return (
    <li className="tk-step" data-step={id} data-done={done || undefined}>
      <span>{step.definition.title}</span>
      {done ? (
        <span className="tk-pill">Done</span>
      ) : (
        cta && (
          <a className="tk-button tk-button-small" href={cta.href} onClick={onLinkClick}>
            {cta.label}
          </a>
        )
      )}
    </li>
  )
}
