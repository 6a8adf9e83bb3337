import { useState } from 'react'
import { isProjectView } from '../features'
import type { Route } from '../router'
import type { WorkspaceApi } from '../use-workspace'
import { Icon } from './icons'
import { NewProjectForm } from './NewProjectForm'
import { TaskBoard } from './TaskBoard'

/** Home: the list of projects on the left, the selected project's board on the right. */
export function ProjectsPage({ api, route }: { api: WorkspaceApi; route: Route }) {
  const { workspace, select } = api
  const startWithNewProject = route.intent === 'new-project'
  const [creating, setCreating] = useState(startWithNewProject)
  const selected = workspace.projects.find((p) => p.id === workspace.selectedProjectId) ?? workspace.projects[0]

  if (workspace.projects.length === 0) {
    return (
      <section className="tk-empty" aria-labelledby="tk-empty-title">
        <h2 id="tk-empty-title">Welcome to Taskly</h2>
        <p className="tk-muted">Projects keep your tasks, files and people in one place. Start with whatever is on your mind this week.</p>
        {route.intent === 'new-task' && <p role="note">Tasks live in a project: name your first one, then add tasks to it.</p>}
        <NewProjectForm api={api} onDone={() => setCreating(false)} autoFocus={startWithNewProject || route.intent === 'new-task'} />
      </section>
    )
  }

  return (
    <div className="tk-projects">
      <section className="tk-card tk-project-list" aria-labelledby="tk-projects-title">
        <div className="tk-card-header">
          <h2 id="tk-projects-title">Projects</h2>
          {!creating && (
            <button type="button" className="tk-button tk-button-small" onClick={() => setCreating(true)}>
              <Icon name="plus" size={16} />
              New project
            </button>
          )}
        </div>
        {creating && <NewProjectForm api={api} onDone={() => setCreating(false)} autoFocus />}
        <ul>
          {workspace.projects.map((project) => {
            const done = project.tasks.filter((t) => t.done).length
            return (
              <li key={project.id}>
                <button type="button" className="tk-project-item" aria-pressed={project.id === selected?.id} onClick={() => select(project.id)}>
                  <span className="tk-project-name">{project.name}</span>
                  <span className="tk-muted">
                    {done}/{project.tasks.length} done
                  </span>
                </button>
              </li>
            )
          })}
        </ul>
      </section>
      {selected && (
        <TaskBoard
          key={`${selected.id}:${route.view ?? ''}`}
          api={api}
          project={selected}
          focusNewTask={route.intent === 'new-task'}
          {...(isProjectView(route.view) && { initialView: route.view })}
        />
      )}
    </div>
  )
}
