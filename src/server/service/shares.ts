import { randomBytes } from 'node:crypto'
import * as z from 'zod/mini'
import { formatIssues, isShareFirstName, MAX_FIRST_NAME_LENGTH, type Program, type Progress } from '../../core'
import { findLiveShare, findShare, insertShare, revokeShare, type Storage, type StoredShare } from '../storage'
import { invalidBody } from './errors'

export const SHARE_KINDS = ['milestone', 'level', 'badge'] as const
/** `POST /v1/me/shares` body. An empty or blank `firstName` counts as none. */
export const ShareRequestSchema = z.strictObject({
  kind: z.enum(SHARE_KINDS, { error: 'must be "milestone", "level" or "badge"' }),
  refId: z.string({ error: 'must be a non-empty string' }).check(z.minLength(1, 'must be a non-empty string'), z.maxLength(128, 'must be at most 128 characters')),
  firstName: z.optional(
    z.string({ error: 'must be a string' }).check(
      z.refine((s) => s.trim().length <= MAX_FIRST_NAME_LENGTH, `must be at most ${MAX_FIRST_NAME_LENGTH} characters`),
      z.refine((s) => s.trim().length > MAX_FIRST_NAME_LENGTH || isShareFirstName(s), 'must be a first name: letters, spaces, hyphens and apostrophes'),
    ),
  ),
})
export type ShareRequest = z.infer<typeof ShareRequestSchema>

/** 22 base64url characters: 128 random bits, so share pages cannot be found by guessing. */
export const SHARE_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/

/** `created: false` when the user's live share of the same achievement and first name was returned instead. */
export type ShareOutcome = { ok: true; share: StoredShare; created: boolean } | { ok: false; reason: 'sharing_disabled' | 'not_achieved' }

/** Share links (DESIGN §7.5): created only for something the user achieved or earned, revoked only by their owner. */
export interface ShareAdmin {
  /**
   * Validates the body (bad fields or an unknown refId → validation error), checks the achievement, and returns the
   * user's live share of it under the same first name, or stores a new one.
   */
  create(userId: string, body: unknown, now: Date): Promise<ShareOutcome>
  /** False when the share does not exist or belongs to someone else. */
  revoke(userId: string, id: string, now: Date): Promise<boolean>
  /** A share by id (revoked ones too); undefined for an unknown or malformed id. */
  find(id: string): Promise<StoredShare | undefined>
}

export function createShareAdmin(program: Program, storage: Storage, progressOf: (userId: string, now: Date) => Promise<Progress>): ShareAdmin {
  const enabled = () => program.sharing?.enabled === true
  return {
    create: async (userId, body, now) => {
      if (!enabled()) return { ok: false, reason: 'sharing_disabled' }
      const parsed = ShareRequestSchema.safeParse(body)
      if (!parsed.success) throw invalidBody('The share request is not valid.', formatIssues(parsed.error.issues))
      const { kind, refId } = parsed.data
      const title = titleOf(program, kind, refId)
      if (title === undefined) throw invalidBody('The share request is not valid.', [{ path: 'refId', message: `is not a ${kind} of this program` }])
      if (!achieved(await progressOf(userId, now), kind, refId)) return { ok: false, reason: 'not_achieved' }
      const firstName = parsed.data.firstName?.trim().normalize('NFC') || undefined
      const live = await findLiveShare(storage, program.id, { userId, kind, refId, firstName })
      if (live) return { ok: true, share: live, created: false }
      const share: StoredShare = {
        id: randomBytes(16).toString('base64url'),
        userId,
        kind,
        refId,
        title,
        ...(firstName && { firstName }),
        createdAt: now.toISOString(),
      }
      await insertShare(storage, program.id, share)
      return { ok: true, share, created: true }
    },
    revoke: (userId, id, now) => (SHARE_ID_PATTERN.test(id) ? revokeShare(storage, program.id, userId, id, now) : Promise.resolve(false)),
    find: (id) => (SHARE_ID_PATTERN.test(id) ? findShare(storage, program.id, id) : Promise.resolve(undefined)),
  }
}

function titleOf(program: Program, kind: ShareRequest['kind'], refId: string): string | undefined {
  if (kind === 'milestone') {
    // The milestone's name, not its past-tense line: that one speaks to the user ("Created your first project").
    return program.milestones.find((m) => m.id === refId)?.title
  }
  if (kind === 'level') return program.levels.find((l) => l.id === refId)?.title
  return program.badges.find((b) => b.id === refId)?.title
}

function achieved(progress: Progress, kind: ShareRequest['kind'], refId: string): boolean {
  if (kind === 'milestone') return progress.milestones[refId]?.state === 'achieved'
  if (kind === 'level') return progress.levels.some((l) => l.id === refId && l.state === 'complete')
  return progress.badges.some((b) => b.id === refId)
}
