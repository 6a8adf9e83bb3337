import { onLinkClick, type Page } from '../router'
import { Icon, type IconName } from './icons'

const ITEMS: { page: Page; href: string; label: string; icon: IconName }[] = [
  { page: 'projects', href: '/', label: 'Projects', icon: 'projects' },
  { page: 'team', href: '/team', label: 'Team', icon: 'team' },
  { page: 'automations', href: '/automations', label: 'Automations', icon: 'automations' },
  { page: 'reports', href: '/reports', label: 'Reports', icon: 'reports' },
  { page: 'integrations', href: '/integrations', label: 'Integrations', icon: 'integrations' },
]

/** The product's left navigation; the team view sits apart because it is for the people running Taskly. */
export function SideNav({ current }: { current: Page }) {
  return (
    <nav className="tk-nav" aria-label="Main">
      <a className="tk-brand" href="/" onClick={onLinkClick}>
        <span className="tk-brand-mark" aria-hidden="true">T</span>
        Taskly
      </a>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.page}>
            <a href={item.href} onClick={onLinkClick} aria-current={current === item.page ? 'page' : undefined}>
              <Icon name={item.icon} />
              {item.label}
            </a>
          </li>
        ))}
      </ul>
      <div className="tk-nav-footer">
        <p className="tk-nav-caption">For the Taskly team</p>
        <a href="/insights" onClick={onLinkClick} aria-current={current === 'insights' ? 'page' : undefined}>
          <Icon name="insights" />
          Onboarding insights
        </a>
      </div>
    </nav>
  )
}
