import { useState } from 'react'
import { onLinkClick, type Page } from '../router'
import { Icon, type IconName } from './icons'

const ITEMS: { page: Page; href: string; label: string; icon: IconName }[] = [
  { page: 'projects', href: '/', label: 'Projects', icon: 'projects' },
  { page: 'team', href: '/team', label: 'Team', icon: 'team' },
  { page: 'automations', href: '/automations', label: 'Automations', icon: 'automations' },
  { page: 'reports', href: '/reports', label: 'Reports', icon: 'reports' },
  { page: 'integrations', href: '/integrations', label: 'Integrations', icon: 'integrations' },
]

/**
 * The product's left navigation; the team view sits apart because it is for the people running Taskly.
 * On narrow screens it collapses behind a "Menu" button (taskly.css hides the button on wide ones).
 */
export function SideNav({ current }: { current: Page }) {
  const [open, setOpen] = useState(false)
  const follow: typeof onLinkClick = (event) => {
    setOpen(false)
    onLinkClick(event)
  }
  return (
    <nav className="tk-nav" aria-label="Main" data-open={open || undefined}>
      <div className="tk-nav-top">
        <a className="tk-brand" href="/" onClick={follow}>
          <span className="tk-brand-mark" aria-hidden="true">T</span>
          Taskly
        </a>
        <button type="button" className="tk-nav-toggle" aria-expanded={open} aria-controls="tk-nav-links" onClick={() => setOpen((o) => !o)}>
          <Icon name="menu" size={18} />
          Menu
        </button>
      </div>
      <div className="tk-nav-links" id="tk-nav-links">
        <ul>
          {ITEMS.map((item) => (
            <li key={item.page}>
              <a href={item.href} onClick={follow} aria-current={current === item.page ? 'page' : undefined}>
                <Icon name={item.icon} />
                {item.label}
              </a>
            </li>
          ))}
        </ul>
        <div className="tk-nav-footer">
          <p className="tk-nav-caption">For the Taskly team</p>
          <a href="/insights" onClick={follow} aria-current={current === 'insights' ? 'page' : undefined}>
            <Icon name="insights" />
            Onboarding insights
          </a>
          <a href="/success" onClick={follow} aria-current={current === 'success' ? 'page' : undefined}>
            <Icon name="team" />
            Customer success
          </a>
        </div>
      </div>
    </nav>
  )
}
