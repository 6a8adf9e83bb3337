import { useCallback, useEffect, useState } from 'react'
import { performAction, type DemoAction, type PersonaId } from './demo-api'
import { applyChange, loadWorkspace, saveWorkspace, type Workspace, type WorkspaceChange } from './workspace'

export interface ActivityNote {
  /** What the product's backend just reported to Cairn, shown in a polite live region. */
  text: string
  tone: 'ok' | 'error'
}

/** Taskly's data for one demo user plus `act`, which updates it and reports the usage event via the backend. */
export function useWorkspace(userId: string, persona: PersonaId) {
  const [workspace, setWorkspace] = useState<Workspace>(() => loadWorkspace(userId, persona))
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState<ActivityNote | null>(null)

  useEffect(() => saveWorkspace(userId, workspace), [userId, workspace])

  const act = useCallback(async (action: DemoAction, change: WorkspaceChange | null, properties?: Record<string, string>) => {
    setBusy(true)
    try {
      await performAction(action, properties)
      if (change) setWorkspace((current) => applyChange(current, change))
      setNote({ text: `Taskly's backend reported “${action.replace(/_/g, ' ')}” to Cairn.`, tone: 'ok' })
      return true
    } catch {
      setNote({ text: 'That did not go through. Please try again.', tone: 'error' })
      return false
    } finally {
      setBusy(false)
    }
  }, [])

  const select = useCallback((projectId: string) => setWorkspace((w) => applyChange(w, { type: 'project_selected', projectId })), [])

  return { workspace, act, select, busy, note }
}

export type WorkspaceApi = ReturnType<typeof useWorkspace>
