import { useCallback, useMemo, useState } from 'react'
import { httpSource } from '../client'
import { CairnProvider, ProgressLauncher, ProgressWidget } from '../react'
import { performAction, type DemoSession } from './demo-api'
import { routeOf, usePathname, type Route } from './router'
import { useDemoSession } from './use-demo-session'
import { useWorkspace } from './use-workspace'
import { DemoBar } from './components/DemoBar'
import { SideNav } from './components/SideNav'
import { ProjectsPage } from './components/ProjectsPage'
import { TeamPage } from './components/TeamPage'
import { AutomationsPage, IntegrationsPage, ReportsPage } from './components/pages'
import { InsightsPage } from './components/InsightsPage'

const TITLES: Record<Route['page'], string> = {
  projects: 'Projects',
  team: 'Team',
  automations: 'Automations',
  reports: 'Reports',
  integrations: 'Integrations',
  insights: 'Onboarding insights',
}

/** Taskly: the host product. Cairn's widget sits in the right sidebar and behind the corner launcher. */
export function App() {
  const route = routeOf(usePathname())
  const { state, getToken, switchPersona, reset, retry } = useDemoSession()
  const session = state.session
  const [simulating, setSimulating] = useState(false)
  const simulateWeek = useCallback(() => {
    setSimulating(true)
    performAction('simulate_week')
      .catch(() => undefined)
      .finally(() => setSimulating(false))
  }, [])

  return (
    <div className="tk-shell">
      <DemoBar
        persona={session?.persona ?? null}
        userId={session?.user.userId ?? null}
        busy={simulating}
        onPersonaChange={switchPersona}
        onReset={reset}
        onSimulateWeek={route.page === 'insights' ? undefined : simulateWeek}
      />
      <div className="tk-app" data-page={route.page}>
        <SideNav current={route.page} />
        {route.page === 'insights' ? (
          <main className="tk-main" id="main">
            <h1>{TITLES.insights}</h1>
            <p className="tk-lede tk-muted">How people move through “Get the most out of Taskly”, across every account, straight from Cairn.</p>
            <InsightsPage />
          </main>
        ) : session ? (
          // Keyed by user: a persona switch or a reset gives the widget a fresh source and a clean store.
          <Product key={session.user.userId} session={session} route={route} getToken={getToken} />
        ) : (
          <main className="tk-main" id="main">
            {state.status === 'error' ? (
              <div className="tk-card tk-page-card" role="alert">
                <p>The demo backend is not answering.</p>
                <button type="button" className="tk-button" onClick={retry}>
                  Try again
                </button>
              </div>
            ) : (
              <p className="tk-muted" role="status">
                Signing you in…
              </p>
            )}
          </main>
        )}
      </div>
    </div>
  )
}

interface ProductProps {
  session: DemoSession
  route: Route
  getToken: () => Promise<string>
}

function Product({ session, route, getToken }: ProductProps) {
  const api = useWorkspace(session.user.userId, session.persona)
  // One source per demo user; the widget talks to the Cairn API (proxied at /v1) with the user token only.
  const source = useMemo(() => httpSource({ baseUrl: '', getToken }), [getToken])

  return (
    <CairnProvider source={source} locale="en">
      <main className="tk-main" id="main">
        <div className="tk-page-header">
          <h1>{TITLES[route.page]}</h1>
          <p className={`tk-activity tk-activity-${api.note?.tone ?? 'ok'}`} role="status">
            {api.note?.text}
          </p>
        </div>
        {route.page === 'projects' && <ProjectsPage api={api} startWithNewProject={route.intent === 'new'} />}
        {route.page === 'team' && <TeamPage api={api} autoFocus={route.intent === 'invite'} />}
        {route.page === 'automations' && <AutomationsPage api={api} />}
        {route.page === 'reports' && <ReportsPage api={api} />}
        {route.page === 'integrations' && <IntegrationsPage api={api} />}
      </main>
      <aside className="tk-aside" aria-label="Your progress">
        {/* Widget and launcher both mount a celebration layer; the provider lets only one of them render. */}
        <ProgressWidget />
      </aside>
      <ProgressLauncher />
    </CairnProvider>
  )
}
