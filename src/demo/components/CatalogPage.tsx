import type { DemoAction } from '../demo-api'
import type { WorkspaceApi } from '../use-workspace'
import type { WorkspaceChange } from '../workspace'

export interface CatalogItem {
  name: string
  description: string
}

export interface CatalogPageProps {
  api: WorkspaceApi
  title: string
  intro: string
  items: CatalogItem[]
  /** Names already set up (shown as "On" instead of a button). */
  active: string[]
  /** The button's verb, e.g. "Turn on". */
  verb: string
  action: DemoAction
  change: (name: string) => WorkspaceChange
  /** Extra event properties for an item (e.g. the integration name). */
  properties?: (name: string) => Record<string, string>
}

/** A page of things to switch on (automations, reports, integrations): one card and one button each. */
export function CatalogPage({ api, title, intro, items, active, verb, action, change, properties }: CatalogPageProps) {
  const headingId = `tk-${action}-title`
  return (
    <section className="tk-card tk-page-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className="tk-muted">{intro}</p>
      <ul className="tk-catalog">
        {items.map((item) => {
          const on = active.includes(item.name)
          return (
            <li key={item.name} className="tk-catalog-item">
              <div>
                <h3>{item.name}</h3>
                <p className="tk-muted">{item.description}</p>
              </div>
              {on ? (
                <span className="tk-pill">On</span>
              ) : (
                <button
                  type="button"
                  className="tk-button tk-button-small"
                  aria-label={`${verb} ${item.name}`}
                  disabled={api.busy}
                  onClick={() => void api.act(action, change(item.name), properties?.(item.name))}
                >
                  {verb}
                </button>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
