import * as z from 'zod/mini'
import { formatIssues, SubjectSchema, type Subject } from '../../core'
import type { TokenSubject } from '../service-types'
import { canonicalJson } from './canonical-json'
import { invalidBody } from './errors'

/** `PUT /v1/subjects/{userId}` body: the subject without its id (the path names it). */
const SubjectBodySchema = z.omit(SubjectSchema, { userId: true })

/** Validates an upsert body; throws `invalid_body` with the path of every problem. */
export function parseSubjectBody(userId: string, body: unknown): Subject {
  const parsed = SubjectBodySchema.safeParse(body)
  if (!parsed.success) throw invalidBody('invalid subject', formatIssues(parsed.error.issues))
  const subject: Subject = { userId, ...parsed.data }
  return withoutUndefined(subject)
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
