import type { PersonaId } from './demo-api'

// Taskly's own data (projects, tasks, people). A real product keeps this in its database; the demo keeps it in
// localStorage per demo user, because only Cairn's progress needs to be real here.

export interface Task {
  id: string
  title: string
  done: boolean
}
export interface Project {
  id: string
  name: string
  tasks: Task[]
}
/** Someone invited to the team; `joined` once they accepted and signed in. */
export interface Teammate {
  email: string
  joined: boolean
}
export interface Workspace {
  projects: Project[]
  selectedProjectId: string | null
  teammates: Teammate[]
  /** Project views this user chose at least once (each is a "feature used"). */
  featuresTried: string[]
  automations: string[]
  reports: string[]
  integrations: string[]
}

export type WorkspaceChange =
  | { type: 'project_created'; name: string }
  | { type: 'project_selected'; projectId: string }
  | { type: 'task_added'; projectId: string; title: string }
  | { type: 'task_completed'; projectId: string; taskId: string }
  | { type: 'teammate_invited'; email: string }
  | { type: 'teammate_joined'; email: string }
  | { type: 'feature_used'; feature: string }
  | { type: 'workflow_automated'; name: string }
  | { type: 'report_generated'; name: string }
  | { type: 'integration_connected'; integration: string }

const newId = () => Math.random().toString(36).slice(2, 10)

export const EMPTY_WORKSPACE: Workspace = {
  projects: [],
  selectedProjectId: null,
  teammates: [],
  featuresTried: [],
  automations: [],
  reports: [],
  integrations: [],
}

function project(name: string, tasks: [string, boolean][]): Project {
  return { id: newId(), name, tasks: tasks.map(([title, done]) => ({ id: newId(), title, done })) }
}

/** What a persona's workspace looks like the first time this browser sees it, so the board matches the progress. */
export function sampleWorkspace(persona: PersonaId): Workspace {
  if (persona === 'new') return EMPTY_WORKSPACE
  if (persona === 'halfway-teammate') {
    // The seed's second member of the Halfway team (sam@example.com): signed in and added three tasks to the
    // team's project; the person who invited them is the teammate listed here.
    const shared = project('Website relaunch', [['Collect competitor sites', false], ['List broken links', false], ['Draft FAQ page', false]])
    return { ...EMPTY_WORKSPACE, projects: [shared], selectedProjectId: shared.id, teammates: [{ email: 'jordan@example.com', joined: true }] }
  }
  const projects = [
    project('Website relaunch', [
      ['Audit current pages', true],
      ['Draft new navigation', true],
      ['Pick a hero image', true],
      ['Write launch checklist', false],
      ['Review copy with marketing', false],
    ]),
    project('Q3 hiring plan', [
      ['Agree on roles', true],
      ['Write job descriptions', true],
      ['Set interview panel', true],
      ['Post job ads', false],
    ]),
  ]
  if (persona === 'power') {
    projects.push(project('Customer onboarding', [['Kick-off template', true], ['Weekly check-in', true]]))
  }
  return {
    projects,
    selectedProjectId: projects[0]?.id ?? null,
    // The seed's teammate of these personas has signed in already.
    teammates: [{ email: 'sam@example.com', joined: true }],
    featuresTried: persona === 'power' ? ['board-view', 'list-view', 'timeline-view'] : ['board-view', 'list-view'],
    automations: persona === 'power' ? ['Move done cards to Archive'] : [],
    reports: persona === 'power' ? ['Weekly status'] : [],
    integrations: persona === 'power' ? ['Slack'] : [],
  }
}

/** Applies one change; pure so the UI can update optimistically and tests can reason about it. */
export function applyChange(workspace: Workspace, change: WorkspaceChange): Workspace {
  switch (change.type) {
    case 'project_created': {
      const created = project(change.name, [])
      return { ...workspace, projects: [...workspace.projects, created], selectedProjectId: created.id }
    }
    case 'project_selected':
      return { ...workspace, selectedProjectId: change.projectId }
    case 'task_added':
      return mapProject(workspace, change.projectId, (p) => ({ ...p, tasks: [...p.tasks, { id: newId(), title: change.title, done: false }] }))
    case 'task_completed':
      return mapProject(workspace, change.projectId, (p) => ({
        ...p,
        tasks: p.tasks.map((t) => (t.id === change.taskId ? { ...t, done: true } : t)),
      }))
    case 'teammate_invited':
      if (workspace.teammates.some((t) => t.email === change.email)) return workspace
      return { ...workspace, teammates: [...workspace.teammates, { email: change.email, joined: false }] }
    case 'teammate_joined':
      return { ...workspace, teammates: workspace.teammates.map((t) => (t.email === change.email ? { ...t, joined: true } : t)) }
    case 'feature_used':
      return workspace.featuresTried.includes(change.feature) ? workspace : { ...workspace, featuresTried: [...workspace.featuresTried, change.feature] }
    case 'workflow_automated':
      return { ...workspace, automations: [...workspace.automations, change.name] }
    case 'report_generated':
      return { ...workspace, reports: [...workspace.reports, change.name] }
    case 'integration_connected':
      return { ...workspace, integrations: [...workspace.integrations, change.integration] }
  }
}

function mapProject(workspace: Workspace, projectId: string, update: (p: Project) => Project): Workspace {
  return { ...workspace, projects: workspace.projects.map((p) => (p.id === projectId ? update(p) : p)) }
}

const storageKey = (userId: string) => `taskly-demo:workspace:${userId}`

/** The saved workspace of a demo user, or the persona's sample on first sight. */
export function loadWorkspace(userId: string, persona: PersonaId): Workspace {
  try {
    const saved = localStorage.getItem(storageKey(userId))
    if (saved) return upgrade(JSON.parse(saved) as Partial<Workspace> & { teammates?: (Teammate | string)[] })
  } catch {
    // Private mode or a corrupt entry: start from the sample.
  }
  return userId.startsWith('persona-new-') ? EMPTY_WORKSPACE : sampleWorkspace(persona)
}

/** Workspaces saved by an older demo listed teammates as plain emails. */
function upgrade(saved: Partial<Workspace> & { teammates?: (Teammate | string)[] }): Workspace {
  const teammates = (saved.teammates ?? []).map((t) => (typeof t === 'string' ? { email: t, joined: false } : t))
  return { ...EMPTY_WORKSPACE, ...saved, teammates }
}

export function saveWorkspace(userId: string, workspace: Workspace): void {
  try {
    localStorage.setItem(storageKey(userId), JSON.stringify(workspace))
  } catch {
    // Storage full or blocked: the demo still works for this page view.
  }
}
