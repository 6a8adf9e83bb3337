import { useState, type FormEvent } from 'react'
import type { Project } from '../workspace'
import type { WorkspaceApi } from '../use-workspace'
import { Icon } from './icons'

/** Ways to look at a project. Trying a view is a "feature used" event (three of them is a milestone). */
const VIEWS = [
  { id: 'board-view', label: 'Board' },
  { id: 'list-view', label: 'List' },
  { id: 'timeline-view', label: 'Timeline' },
] as const
type ViewId = (typeof VIEWS)[number]['id']

/** One project's tasks: add, complete, and switch views. */
export function TaskBoard({ api, project }: { api: WorkspaceApi; project: Project }) {
  const [view, setView] = useState<ViewId>('board-view')
  const [title, setTitle] = useState('')
  const open = project.tasks.filter((t) => !t.done)
  const done = project.tasks.filter((t) => t.done)

  async function addTask(event: FormEvent) {
    event.preventDefault()
    const text = title.trim() || `Task ${project.tasks.length + 1}`
    if (await api.act('add_task', { type: 'task_added', projectId: project.id, title: text })) setTitle('')
  }

  function chooseView(next: ViewId) {
    if (next === view) return
    setView(next)
    void api.act('use_feature', null, { feature: next })
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
          {VIEWS.map((v) => (
            <button key={v.id} type="button" aria-pressed={view === v.id} onClick={() => chooseView(v.id)}>
              {v.label}
            </button>
          ))}
        </div>
      </div>
      <form className="tk-inline-form" onSubmit={addTask}>
        <label htmlFor="tk-new-task">New task</label>
        <div className="tk-inline-row">
          <input id="tk-new-task" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="What needs doing?" maxLength={120} />
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
