import { useSyncExternalStore, type MouseEvent } from 'react'

/** The product's pages. Milestone CTAs (/projects/new, /team/invite, /features, …) land on one of these. */
export type Page = 'projects' | 'team' | 'automations' | 'reports' | 'integrations' | 'features' | 'setup' | 'insights' | 'success'

export interface Route {
  page: Page
  /** A CTA asked for something to be ready right away: a new project or task form, or the invite form. */
  intent: 'new-project' | 'new-task' | 'invite' | 'tasks' | null
  /** A project view to open (`?view=timeline-view`), from the features page. */
  view: string | null
}

const route = (page: Page, intent: Route['intent'] = null, view: string | null = null): Route => ({ page, intent, view })

/** Maps a path (and query) to a page; anything unknown is the projects board, the product's home. */
export function routeOf(pathname: string, search = ''): Route {
  const [first = '', second = ''] = pathname.split('/').filter(Boolean)
  const view = new URLSearchParams(search).get('view')
  switch (first) {
    case 'team':
      return route('team', second === 'invite' ? 'invite' : null)
    case 'automations':
      return route('automations')
    case 'reports':
      return route('reports')
    case 'integrations':
      return route('integrations')
    case 'features':
      return route('features')
    case 'getting-started':
      return route('setup')
    case 'insights':
      return route('insights')
    case 'success':
      return route('success')
    case 'tasks':
      return route('projects', second === 'new' ? 'new-task' : 'tasks')
    case 'projects':
      return route('projects', second === 'new' ? 'new-project' : null, view)
    default:
      return route('projects', null, view)
  }
}

const listeners = new Set<() => void>()
function subscribe(listener: () => void) {
  listeners.add(listener)
  window.addEventListener('popstate', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('popstate', listener)
  }
}

/** Client-side navigation without a reload (the widget keeps its live connection). */
export function navigate(href: string): void {
  if (href === window.location.pathname + window.location.search) return
  window.history.pushState(null, '', href)
  for (const listener of listeners) listener()
}

/** The current path and query, re-rendering on navigation. */
export function useLocation(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname + window.location.search, () => '/')
}

/** The current route. */
export function useRoute(): Route {
  const location = useLocation()
  const queryAt = location.indexOf('?')
  return queryAt < 0 ? routeOf(location) : routeOf(location.slice(0, queryAt), location.slice(queryAt))
}

/** Keeps plain `<a href>` clicks inside the app; modified clicks (new tab) behave as usual. */
export function onLinkClick(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  const href = event.currentTarget.getAttribute('href')
  if (!href || !href.startsWith('/')) return
  event.preventDefault()
  navigate(href)
}
