import { PERSONAS, type PersonaId } from '../demo-api'
import { Icon } from './icons'

export interface DemoBarProps {
  persona: PersonaId | null
  /** The Cairn user behind the persona (a reset gives a new one). */
  userId: string | null
  busy: boolean
  onPersonaChange: (persona: PersonaId) => void
  onReset: () => void
  /** Absent on pages without a signed-in product user (the team view). */
  onSimulateWeek?: (() => void) | undefined
}

/** The strip above the product that belongs to the demo, not to Taskly: who you play, and a fresh start. */
export function DemoBar({ persona, userId, busy, onPersonaChange, onReset, onSimulateWeek }: DemoBarProps) {
  // After a reset the persona keeps its segment but the user is brand new, so its usual hint would mislead.
  const hint = userId?.startsWith('persona-new-') ? 'Fresh start: a brand-new user in this segment' : PERSONAS.find((p) => p.id === persona)?.hint
  return (
    <div className="tk-demo-bar" role="region" aria-label="Demo controls">
      <span className="tk-demo-tag">Cairn demo</span>
      <label className="tk-persona">
        <span>Viewing as</span>
        <select value={persona ?? ''} disabled={!persona} onChange={(e) => onPersonaChange(e.target.value as PersonaId)}>
          {PERSONAS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      {hint && <span className="tk-demo-hint">{hint}</span>}
      {userId && (
        <span className="tk-demo-hint">
          User <code data-demo-user={userId}>{userId}</code>
        </span>
      )}
      <span className="tk-demo-spacer" />
      {onSimulateWeek && (
        <button type="button" className="tk-demo-button" onClick={onSimulateWeek} disabled={busy}>
          <Icon name="calendar" size={16} />
          Simulate a week of log-ins
        </button>
      )}
      <button type="button" className="tk-demo-button" onClick={onReset} disabled={!persona}>
        <Icon name="reset" size={16} />
        Reset my progress
      </button>
    </div>
  )
}
