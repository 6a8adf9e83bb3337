// The "Play panel": buttons that send the demo program's events through `useTrack`, so a designer can
// walk a user from sign-up to Power User and watch rows settle, levels open and celebrations fire.
import { useState } from 'react'
import { ProgressWidget, useTrack, type TrackInput } from '../../src/react'

/** Features cycled through by "Use a feature", so three clicks earn "Try 3 different features". */
const FEATURES = ['board', 'timeline', 'labels', 'calendar']

interface Action {
  label: string
  events: (step: number) => TrackInput[]
}

const repeat = (name: string, times: number): TrackInput[] => Array.from({ length: times }, () => ({ name }))

const ACTIONS: Action[] = [
  { label: 'Create a project', events: () => [{ name: 'project_created' }] },
  { label: 'Add a task', events: () => [{ name: 'task_added' }] },
  { label: 'Complete a task', events: () => [{ name: 'task_completed' }] },
  { label: 'Complete 10 tasks', events: () => repeat('task_completed', 10) },
  { label: 'Invite a teammate', events: () => [{ name: 'teammate_invited' }] },
  { label: 'Use a feature', events: (step) => [{ name: 'feature_used', properties: { feature: FEATURES[step % FEATURES.length]! } }] },
  { label: 'Automate a workflow', events: () => [{ name: 'workflow_automated' }] },
  { label: 'Generate a report', events: () => [{ name: 'report_generated' }] },
  { label: 'Connect Slack', events: () => [{ name: 'integration_connected', properties: { integration: 'slack' } }] },
  { label: 'Log in', events: () => [{ name: 'logged_in' }] },
  {
    label: 'Finish level 1 at once',
    events: () => [{ name: 'project_created' }, ...repeat('task_added', 5), { name: 'teammate_invited' }],
  },
]

const buttonStyle = { font: '13px system-ui, sans-serif', padding: '6px 10px', textAlign: 'start' } as const

export interface PlayPanelProps {
  /** Forgets every event (the source's `reset`). */
  onReset: () => void
}

/** Demo-event buttons beside the real widget. */
export function PlayPanel({ onReset }: PlayPanelProps) {
  const track = useTrack()
  const [steps, setSteps] = useState(0)
  const send = async (action: Action) => {
    setSteps(steps + 1)
    for (const event of action.events(steps)) await track(event)
  }
  return (
    <div style={{ display: 'flex', gap: 24, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <div role="group" aria-label="Send demo events" style={{ display: 'grid', gap: 6, minWidth: 200 }}>
        {ACTIONS.map((action) => (
          <button key={action.label} type="button" style={buttonStyle} onClick={() => void send(action)}>
            {action.label}
          </button>
        ))}
        <button type="button" style={{ ...buttonStyle, marginTop: 12 }} onClick={onReset}>
          Start over
        </button>
      </div>
      <ProgressWidget />
    </div>
  )
}
