import { useCallback, useEffect, useMemo, useState } from 'react'
import { httpSource } from '../client'
import { CairnProvider, ProgressLauncher, ProgressWidget, useProgress } from '../react'
import { performAction, type DemoSession } from './demo-api'
import { personaHint } from './persona-hint'
import { useRoute, type Route } from './router'
import { simulatedLogInTimes } from './simulated-log-ins'
import { useDemoSession } from './use-demo-session'
import { useMediaQuery } from './use-media-query'
import { useWorkspace } from './use-workspace'
import { DemoBar } from './components/DemoBar'
import { SideNav } from './components/SideNav'
import { ProjectsPage } from './components/ProjectsPage'
import { TeamPage } from './components/TeamPage'
import { FeaturesPage } from './components/FeaturesPage'
import { SetupPage } from './components/SetupPage'
import { AutomationsPage, IntegrationsPage, ReportsPage } from './components/pages'
import { InsightsPage } from './components/InsightsPage'
import { CustomerSuccessPage } from './components/CustomerSuccessPage'

const TITLES: Record<Route['page'], string> = {
  projects: 'Projects',
  team: 'Team',
  automations: 'Automations',
  reports: 'Reports',
  integrations: 'Integrations',
  features: 'Features',
  setup: 'Getting started',
  insights: 'Onboarding insights',
  success: 'Customer success',
}

/** Below this width the sidebar widget is hidden (taskly.css) and the corner launcher takes its place. */
const NARROW = '(max-width: 1180px)'

/** Taskly: the host product. Cairn's widget sits in the right sidebar, or behind the corner launcher on narrow screens. */
export function App() {
  const route = useRoute()
  const { state, getToken, switchPersona, switchLanguage, reset, retry } = useDemoSession()
  const session = state.session
  const [simulating, setSimulating] = useState(false)
  // Both belong to one user: a persona switch or reset starts them afresh.
  const [simulation, setSimulation] = useState<{ userId: string; note: string } | null>(null)
  const [achieved, setAchieved] = useState<number | undefined>(undefined)
  const userId = session?.user.userId

  const simulateWeek = useCallback(() => {
    if (!userId) return
    setSimulating(true)
    performAction('simulate_week')
      .then(({ events }) => setSimulation({ userId, note: `Logged in on ${events} ${events === 1 ? 'day' : 'days'} since sign-up` }))
      .catch(() => setSimulation({ userId, note: 'The simulation did not go through. Please try again.' }))
      .finally(() => setSimulating(false))
  }, [userId])

  const now = new Date()
  const hint = session
    ? personaHint({ persona: session.persona, fresh: session.user.userId.startsWith('persona-new-'), signedUpAt: session.user.signedUpAt, achieved, now })
    : null

  return (
    <div className="tk-shell">
      <DemoBar
        persona={session?.persona ?? null}
        userId={userId ?? null}
        hint={hint}
        language={session?.locale ?? 'en'}
        busy={simulating}
        onPersonaChange={switchPersona}
        onLanguageChange={switchLanguage}
        onReset={reset}
        onSimulateWeek={route.page === 'insights' || route.page === 'success' ? undefined : simulateWeek}
        simulatableDays={session ? simulatedLogInTimes(Date.parse(session.user.signedUpAt), now.getTime()).length : 0}
        simulationNote={simulation && simulation.userId === userId ? simulation.note : null}
      />
      <div className="tk-app" data-page={route.page}>
        <SideNav current={route.page} />
        {route.page === 'insights' ? (
          <main className="tk-main" id="main">
            <h1>{TITLES.insights}</h1>
            <p className="tk-lede tk-muted">How people move through “Get the most out of Taskly”, across every account, straight from Cairn.</p>
            <InsightsPage />
          </main>
        ) : route.page === 'success' ? (
          <main className="tk-main" id="main">
            <h1>{TITLES.success}</h1>
            <p className="tk-lede tk-muted">Which accounts need a check-in, which are ready for more, and why — from Cairn’s accounts view.</p>
            <CustomerSuccessPage />
          </main>
        ) : session ? (
          // Keyed by user and language: a persona switch, a reset or a new language gives the widget a fresh
          // source (tokens in that language) and a clean store.
          <Product key={`${session.user.userId}:${session.locale}`} session={session} route={route} getToken={getToken} onAchieved={setAchieved} />
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
  onAchieved: (count: number | undefined) => void
}

function Product({ session, route, getToken, onAchieved }: ProductProps) {
  const api = useWorkspace(session.user.userId, session.persona)
  // One source per demo user; the widget talks to the Cairn API (proxied at /v1) with the user token only.
  const source = useMemo(() => httpSource({ baseUrl: '', getToken }), [getToken])
  const narrow = useMediaQuery(NARROW)

  return (
    <CairnProvider source={source} locale={session.locale}>
      <AchievedCount onChange={onAchieved} />
      <main className="tk-main" id="main">
        <div className="tk-page-header">
          <h1>{TITLES[route.page]}</h1>
          <p className={`tk-activity tk-activity-${api.note?.tone ?? 'ok'}`} role="status">
            {api.note?.text}
          </p>
        </div>
        {route.page === 'projects' && <ProjectsPage api={api} route={route} />}
        {route.page === 'team' && <TeamPage api={api} autoFocus={route.intent === 'invite'} />}
        {route.page === 'automations' && <AutomationsPage api={api} />}
        {route.page === 'reports' && <ReportsPage api={api} />}
        {route.page === 'integrations' && <IntegrationsPage api={api} />}
        {route.page === 'features' && <FeaturesPage api={api} />}
        {route.page === 'setup' && <SetupPage />}
      </main>
      {narrow ? (
        // The sidebar is hidden on narrow screens; the launcher brings the same widget up on demand, and never
        // floats over the sidebar widget on wide ones.
        <ProgressLauncher />
      ) : (
        <aside className="tk-aside" aria-label="Your progress">
          <ProgressWidget />
        </aside>
      )}
    </CairnProvider>
  )
}

/** Tells the demo bar how many milestones the user has achieved, as the widget sees it. */
function AchievedCount({ onChange }: { onChange: (count: number | undefined) => void }) {
  const { progress } = useProgress()
  const count = progress ? Object.values(progress.milestones).filter((m) => m.state === 'achieved').length : undefined
  useEffect(() => onChange(count), [count, onChange])
  return null
}
