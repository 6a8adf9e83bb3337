import { useSyncExternalStore, type MouseEvent } from 'react'

/** The product's pages. Milestone CTAs (/projects/new, /team/invite, /automations, …) land on one of these. */
export type Page = 'projects' | 'team' | 'automations' | 'reports' | 'integrations' | 'insights'

export interface Route {
  page: Page
  /** A CTA asked for a form to be opened right away (e.g. /projects/new). */
  intent: 'new' | 'invite' | null
}

/** Maps a path to a page; anything unknown is the projects board, the product's home. */
export function routeOf(pathname: string): Route {
  const [first = '', second = ''] = pathname.split('/').filter(Boolean)
  const intent = second === 'new' ? 'new' : second === 'invite' ? 'invite' : null
  switch (first) {
    case 'team':
      return { page: 'team', intent }
    case 'automations':
      return { page: 'automations', intent }
    case 'reports':
      return { page: 'reports', intent }
    case 'integrations':
      return { page: 'integrations', intent }
    case 'insights':
      return { page: 'insights', intent: null }
    case 'tasks':
      return { page: 'projects', intent: second === 'new' ? 'new' : null }
    default:
      return { page: 'projects', intent: first === 'projects' ? intent : null }
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

/** The current path, re-rendering on navigation. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname, () => '/')
}

/** Keeps plain `<a href>` clicks inside the app; modified clicks (new tab) behave as usual. */
export function onLinkClick(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  const href = event.currentTarget.getAttribute('href')
  if (!href || !href.startsWith('/')) return
  event.preventDefault()
  navigate(href)
}
