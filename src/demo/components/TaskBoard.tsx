import { useEffect, useRef, useState, type FormEvent } from 'react'
import { PROJECT_VIEWS, type ProjectViewId } from '../features'
import type { Project } from '../workspace'
import type { WorkspaceApi } from '../use-workspace'
import { Icon } from './icons'

export interface TaskBoardProps {
  api: WorkspaceApi
  project: Project
  /** The view to open with (from the features page). @default 'board-view' */
  initialView?: ProjectViewId
  /** Put the cursor in the new-task field (the "Add a task" call to action). @default false */
  focusNewTask?: boolean
}

/** One project's tasks: add, complete, and switch views. */
export function TaskBoard({ api, project, initialView = 'board-view', focusNewTask = false }: TaskBoardProps) {
  const [view, setView] = useState<ProjectViewId>(initialView)
  const [title, setTitle] = useState('')
  const newTask = useRef<HTMLInputElement>(null)
  const open = project.tasks.filter((t) => !t.done)
  const done = project.tasks.filter((t) => t.done)

  useEffect(() => {
    if (focusNewTask) newTask.current?.focus()
  }, [focusNewTask])

  async function addTask(event: FormEvent) {
    event.preventDefault()
    const text = title.trim() || `Task ${project.tasks.length + 1}`
    if (await api.act('add_task', { type: 'task_added', projectId: project.id, title: text })) setTitle('')
  }

  function chooseView(next: ProjectViewId) {
    if (next === view) return
    setView(next)
    void api.act('use_feature', { type: 'feature_used', feature: next }, { feature: next })
  }

  const taskItem = (task: Project['tasks'][number]) => (
    <li key={task.id} className="tk-task" data-done={task.done || undefined}>
      <span className="tk-task-title">{task.title}</span>
      {task.done ? (
        <span className="tk-task-done">
          <Icon name="check" size={16} />
          Done
        </span>
      ) : (
        <button
          type="button"
          className="tk-button tk-button-small tk-button-quiet"
          aria-label={`Complete “${task.title}”`}
          disabled={api.busy}
          onClick={() => void api.act('complete_task', { type: 'task_completed', projectId: project.id, taskId: task.id })}
        >
          <Icon name="check" size={16} />
          Complete
        </button>
      )}
    </li>
  )

  return (
    <section className="tk-card tk-board" aria-labelledby="tk-board-title">
      <div className="tk-card-header">
        <h2 id="tk-board-title">{project.name}</h2>
        <div className="tk-segmented" role="group" aria-label="View">
          {PROJECT_VIEWS.map((v) => (
            <button key={v.id} type="button" aria-pressed={view === v.id} onClick={() => chooseView(v.id)}>
              {v.label}
            </button>
          ))}
        </div>
      </div>
      <form className="tk-inline-form" onSubmit={addTask}>
        <label htmlFor="tk-new-task">New task</label>
        <div className="tk-inline-row">
          <input ref={newTask} id="tk-new-task" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="What needs doing?" maxLength={120} />
          <button type="submit" className="tk-button" disabled={api.busy}>
            <Icon name="plus" size={16} />
            Add task
          </button>
        </div>
      </form>
      {view === 'board-view' ? (
        <div className="tk-columns">
          <div className="tk-column">
            <h3>To do <span className="tk-count">{open.length}</span></h3>
            {open.length > 0 ? <ul>{open.map(taskItem)}</ul> : <p className="tk-muted">Nothing open. Add a task above.</p>}
          </div>
          <div className="tk-column">
            <h3>Done <span className="tk-count">{done.length}</span></h3>
            {done.length > 0 ? <ul>{done.map(taskItem)}</ul> : <p className="tk-muted">Finished tasks land here.</p>}
          </div>
        </div>
      ) : (
        <div className="tk-column tk-column-wide">
          <h3>{view === 'list-view' ? 'All tasks' : 'This week'}</h3>
          {project.tasks.length > 0 ? <ul>{project.tasks.map(taskItem)}</ul> : <p className="tk-muted">No tasks yet.</p>}
        </div>
      )}
    </section>
  )
}
