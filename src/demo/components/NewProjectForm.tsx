import { useState, type FormEvent } from 'react'
import type { WorkspaceApi } from '../use-workspace'

const SUGGESTIONS = ['Website relaunch', 'Q3 planning', 'Customer onboarding', 'Mobile app beta', 'Office move']

/** Name a project and create it; prefilled so a first-time visitor can just press the button. */
export function NewProjectForm({ api, onDone, autoFocus }: { api: WorkspaceApi; onDone: () => void; autoFocus: boolean }) {
  const [name, setName] = useState(() => SUGGESTIONS[api.workspace.projects.length % SUGGESTIONS.length] ?? 'New project')

  async function submit(event: FormEvent) {
    event.preventDefault()
    const trimmed = name.trim()
    if (!trimmed) return
    if (await api.act('create_project', { type: 'project_created', name: trimmed })) onDone()
  }

  return (
    <form className="tk-inline-form" onSubmit={submit}>
      <label htmlFor="tk-new-project">Project name</label>
      <div className="tk-inline-row">
        <input id="tk-new-project" value={name} onChange={(e) => setName(e.target.value)} autoFocus={autoFocus} maxLength={80} required />
        <button type="submit" className="tk-button" disabled={api.busy}>
          Create project
        </button>
      </div>
    </form>
  )
}
