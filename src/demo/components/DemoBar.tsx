import { LANGUAGES, PERSONAS, type LanguageId, type PersonaId } from '../demo-api'
import { Icon } from './icons'

export interface DemoBarProps {
  persona: PersonaId | null
  /** The Cairn user behind the persona (a reset gives a new one). */
  userId: string | null
  /** Who you are playing and what you have done, kept true as you go (see `personaHint`). */
  hint: string | null
  language: LanguageId
  busy: boolean
  onPersonaChange: (persona: PersonaId) => void
  onLanguageChange: (language: LanguageId) => void
  onReset: () => void
  /** Absent on pages without a signed-in product user (the team view). */
  onSimulateWeek?: (() => void) | undefined
  /** How many days of log-ins the simulation would add (only days after the sign-up). */
  simulatableDays: number
  /** What the last simulation did, announced politely. */
  simulationNote: string | null
}

/** The strip above the product that belongs to the demo, not to Taskly: who you play, the language, and a fresh start. */
export function DemoBar(props: DemoBarProps) {
  const { persona, userId, hint, language, busy, onPersonaChange, onLanguageChange, onReset, onSimulateWeek, simulatableDays, simulationNote } = props
  const canSimulate = simulatableDays > 1
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
      <label className="tk-persona">
        <span>Language</span>
        <select value={language} disabled={!persona} onChange={(e) => onLanguageChange(e.target.value as LanguageId)}>
          {LANGUAGES.map((l) => (
            <option key={l.id} value={l.id} lang={l.id}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      {hint && (
        <span className="tk-demo-hint" data-demo-hint="">
          {hint}
        </span>
      )}
      {userId && (
        <span className="tk-demo-hint tk-demo-user">
          User <code data-demo-user={userId}>{userId}</code>
        </span>
      )}
      <span className="tk-demo-spacer" />
      <span className="tk-demo-hint" role="status">
        {simulationNote}
      </span>
      {onSimulateWeek && (
        <button
          type="button"
          className="tk-demo-button"
          onClick={onSimulateWeek}
          disabled={busy || !canSimulate}
          title={canSimulate ? undefined : 'Signed up today: there are no earlier days to log in on yet.'}
        >
          <Icon name="calendar" size={16} />
          {simulatableDays >= 7 || !canSimulate ? 'Simulate a week of log-ins' : `Simulate log-ins since sign-up (${simulatableDays} days)`}
        </button>
      )}
      <button type="button" className="tk-demo-button" onClick={onReset} disabled={!persona}>
        <Icon name="reset" size={16} />
        Reset my progress
      </button>
    </div>
  )
}
