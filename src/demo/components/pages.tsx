import { AchievementTimeline } from '../../react'
import type { WorkspaceApi } from '../use-workspace'
import { CatalogPage } from './CatalogPage'

/** Automations: recipes that do busywork for the team. */
export function AutomationsPage({ api }: { api: WorkspaceApi }) {
  return (
    <CatalogPage
      api={api}
      title="Automations"
      intro="Let Taskly move cards, assign people and send reminders, so you can focus on the work itself."
      items={[
        { name: 'Move done cards to Archive', description: 'Every Friday, finished cards leave the board.' },
        { name: 'Assign new bugs to triage', description: 'Tasks labelled “bug” go to whoever is on triage this week.' },
        { name: 'Remind owners a day before due', description: 'A gentle nudge in the morning, never at night.' },
      ]}
      active={api.workspace.automations}
      verb="Turn on"
      action="automate_workflow"
      change={(name) => ({ type: 'workflow_automated', name })}
    />
  )
}

/** Reports: one-click summaries for managers, and the user's milestones month by month (Cairn's timeline). */
export function ReportsPage({ api }: { api: WorkspaceApi }) {
  return (
    <>
      <CatalogPage
        api={api}
        title="Reports"
        intro="Share progress without writing a status update by hand."
        items={[
          { name: 'Weekly status', description: 'What moved, what is stuck, and who is on what.' },
          { name: 'Workload by person', description: 'Spot overloaded teammates before they burn out.' },
          { name: 'Cycle time', description: 'How long tasks take from “to do” to “done”.' },
        ]}
        active={api.workspace.reports}
        verb="Generate"
        action="generate_report"
        change={(name) => ({ type: 'report_generated', name })}
      />
      {/* Where a customer looks back: what they achieved in Taskly, by month. */}
      <AchievementTimeline className="tk-timeline" />
    </>
  )
}

/** Integrations: the tools the team already lives in. */
export function IntegrationsPage({ api }: { api: WorkspaceApi }) {
  return (
    <CatalogPage
      api={api}
      title="Integrations"
      intro="Bring Taskly into the tools your team already uses."
      items={[
        { name: 'Slack', description: 'Task updates in the channel where the conversation happens.' },
        { name: 'GitHub', description: 'Close tasks automatically when the pull request merges.' },
        { name: 'Google Drive', description: 'Attach docs and sheets to any task.' },
      ]}
      active={api.workspace.integrations}
      verb="Connect"
      action="connect_integration"
      change={(integration) => ({ type: 'integration_connected', integration })}
      properties={(integration) => ({ integration: integration.toLowerCase().replace(/\s+/g, '-') })}
    />
  )
}
