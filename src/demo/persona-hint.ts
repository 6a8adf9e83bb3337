import { PERSONAS, type PersonaId } from './demo-api'

const DAY_MS = 24 * 60 * 60 * 1000

export interface PersonaHintInput {
  persona: PersonaId
  /** A reset user: same segment as the persona, but brand new. */
  fresh: boolean
  signedUpAt: string
  /** Milestones this user has achieved (undefined until the widget has loaded). */
  achieved: number | undefined
  now: Date
}

/**
 * The demo bar's line about who you are playing, kept true as you go: who the persona is, when they signed
 * up, and how many milestones they have achieved by now ("A brand-new team · signed up today · 2 milestones achieved").
 */
export function personaHint({ persona, fresh, signedUpAt, achieved, now }: PersonaHintInput): string {
  const about = fresh ? 'Fresh start in this segment' : (PERSONAS.find((p) => p.id === persona)?.about ?? '')
  const days = Math.max(0, Math.floor((now.getTime() - Date.parse(signedUpAt)) / DAY_MS))
  const since = days === 0 ? 'signed up today' : days === 1 ? 'signed up yesterday' : `signed up ${days} days ago`
  const parts = [about, since]
  if (achieved !== undefined) parts.push(achieved === 0 ? 'nothing achieved yet' : achieved === 1 ? '1 milestone achieved' : `${achieved} milestones achieved`)
  return parts.join(' · ')
}
