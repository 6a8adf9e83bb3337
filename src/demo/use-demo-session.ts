import { useCallback, useEffect, useRef, useState } from 'react'
import { performAction, resetProgress, startSession, type DemoSession, type LanguageId, type PersonaId } from './demo-api'

export type SessionState =
  | { status: 'loading'; session: DemoSession | null }
  | { status: 'ready'; session: DemoSession }
  | { status: 'error'; session: DemoSession | null; error: Error }

/** The visitor's demo identity: which persona they play, the user behind it, and a way to get a fresh token. */
export function useDemoSession() {
  const [state, setState] = useState<SessionState>({ status: 'loading', session: null })
  const personaRef = useRef<PersonaId | undefined>(undefined)

  const adopt = useCallback((session: DemoSession) => {
    personaRef.current = session.persona
    setState({ status: 'ready', session })
    // A real product reports the sign-in from its backend; here the first page view stands in for it.
    performAction('log_in').catch(() => undefined)
  }, [])

  const fail = useCallback((error: unknown) => {
    setState((previous) => ({ status: 'error', session: previous.session, error: error instanceof Error ? error : new Error(String(error)) }))
  }, [])

  const run = useCallback(
    (load: () => Promise<DemoSession>) => {
      setState((previous) => ({ status: 'loading', session: previous.session }))
      load().then(adopt, fail)
    },
    [adopt, fail],
  )

  useEffect(() => {
    // Continue whatever persona this browser played last (the backend remembers it in a cookie).
    let current = true
    startSession().then(
      (session) => current && adopt(session),
      (error: unknown) => current && fail(error),
    )
    return () => {
      current = false
    }
  }, [adopt, fail])

  /** Fetches a new user token for the current persona (called by the widget whenever it needs one). */
  const getToken = useCallback(async () => (await startSession(personaRef.current)).token, [])
  const switchPersona = useCallback((persona: PersonaId) => run(() => startSession(persona)), [run])
  /** New tokens carry the language, so the API words the program in it; the widget follows the session's locale. */
  const switchLanguage = useCallback((locale: LanguageId) => run(() => startSession(personaRef.current, locale)), [run])
  const reset = useCallback(() => run(resetProgress), [run])
  const retry = useCallback(() => run(() => startSession(personaRef.current)), [run])

  return { state, getToken, switchPersona, switchLanguage, reset, retry }
}
