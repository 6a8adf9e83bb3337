import { useMilestone } from '../../react'
import { PROJECT_VIEWS } from '../features'
import { navigate } from '../router'
import type { WorkspaceApi } from '../use-workspace'

/** What counts as a feature (each project view), which ones this user tried, and a way to try the rest. */
export function FeaturesPage({ api }: { api: WorkspaceApi }) {
  const { workspace } = api
  const milestone = useMilestone('three-features')
  const project = workspace.projects.find((p) => p.id === workspace.selectedProjectId) ?? workspace.projects[0]

  async function tryView(id: string) {
    if (await api.act('use_feature', { type: 'feature_used', feature: id }, { feature: id })) navigate(`/projects?view=${id}`)
  }

  return (
    <section className="tk-card tk-page-card" aria-labelledby="tk-features-title">
      <h2 id="tk-features-title">Ways to look at your work</h2>
      <p className="tk-muted">
        Each project can be shown as a board, a list or a timeline. Every view you open counts as a feature you tried
        {milestone ? ` — ${milestone.progress.current} of ${milestone.progress.target} so far.` : '.'}
      </p>
      {!project && <p role="note">Views belong to a project: create one first, then come back to try them.</p>}
      <ul className="tk-catalog">
        {PROJECT_VIEWS.map((view) => {
          const tried = workspace.featuresTried.includes(view.id)
          return (
            <li key={view.id} className="tk-catalog-item" data-feature={view.id}>
              <div>
                <h3>{view.name}</h3>
                <p className="tk-muted">{view.description}</p>
              </div>
              {tried && <span className="tk-pill">Tried</span>}
              {project && (
                <button type="button" className="tk-button tk-button-small" aria-label={`Open ${view.name}`} disabled={api.busy} onClick={() => void tryView(view.id)}>
                  Open
                </button>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
