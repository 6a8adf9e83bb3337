import * as z from 'zod/mini'
import { formatIssues, SubjectSchema, type Subject, type ValidationError } from '../../core'
import type { TokenSubject } from '../service-types'
import { canonicalJson } from './canonical-json'
import { invalidBody } from './errors'
import { findUnsafeText, idProblem, MAX_ID_LENGTH, MAX_TIME_ZONE_LENGTH, parseTimestamp, recordProblem } from './input-rules'

/** `PUT /v1/subjects/{userId}` body: the subject without its id (the path names it). */
const SubjectBodySchema = z.omit(SubjectSchema, { userId: true })

/** Validates an upsert body; throws `invalid_body` with the path of every problem. */
export function parseSubjectBody(userId: string, body: unknown): Subject {
  const badId = idProblem(userId)
  if (badId !== undefined) throw invalidBody('invalid subject', [{ path: 'userId', message: badId }])
  const unsafe = findUnsafeText(body)
  if (unsafe) throw invalidBody('invalid subject', [unsafe])
  const parsed = SubjectBodySchema.safeParse(body)
  if (!parsed.success) throw invalidBody('invalid subject', formatIssues(parsed.error.issues))
  const subject: Subject = withoutUndefined({ userId, ...parsed.data })
  const problems = subjectProblems(subject)
  if (problems.length > 0) throw invalidBody('invalid subject', problems)
  return subject
}

/**
 * What the edge rules refuse in a schema-valid subject (or token claims shaped like one): an RFC 3339
 * `signedUpAt`, bounded ids, traits and time zone. Empty when it may be stored.
 */
export function subjectProblems(subject: Pick<Subject, 'signedUpAt' | 'accountId' | 'traits' | 'timeZone'>): ValidationError[] {
  const problems: ValidationError[] = []
  const time = parseTimestamp(subject.signedUpAt)
  if ('problem' in time) problems.push({ path: 'signedUpAt', message: time.problem })
  if (subject.accountId !== undefined && subject.accountId.length > MAX_ID_LENGTH) {
    problems.push({ path: 'accountId', message: `must be at most ${MAX_ID_LENGTH} characters` })
  }
  if (subject.timeZone !== undefined && subject.timeZone.length > MAX_TIME_ZONE_LENGTH) {
    problems.push({ path: 'timeZone', message: `must be at most ${MAX_TIME_ZONE_LENGTH} characters` })
  }
  const traits = recordProblem(subject.traits, 'traits')
  if (traits) problems.push(traits)
  return problems
}

/**
 * The subject a verified token describes, merged over the stored one: claims win, traits merge key by key,
 * and what a token does not carry (time zone, an unclaimed account or consent) is kept.
 */
export function subjectFromClaims(claims: TokenSubject, stored: Subject | undefined): Subject {
  const merged: Subject = {
    ...stored,
    userId: claims.userId,
    signedUpAt: claims.signedUpAt,
    accountId: claims.accountId ?? stored?.accountId,
    traits: stored?.traits || claims.traits ? { ...stored?.traits, ...claims.traits } : undefined,
    consent: claims.consent ?? stored?.consent,
  }
  const parsed = SubjectSchema.safeParse(withoutUndefined(merged))
  if (!parsed.success) throw invalidBody('invalid token subject', formatIssues(parsed.error.issues))
  return parsed.data
}

/** Equal as stored (jsonb drops undefined and reorders keys). */
export function sameSubject(a: Subject | undefined, b: Subject | undefined): boolean {
  return a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b)
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
