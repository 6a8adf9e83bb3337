import { diffPrograms, parseProgram, sameJson, type LocalizedProgram, type ProgramVersions } from '../../core'
import {
  activeVersion, allSubjectIds, findVersion, insertVersion, latestPublished, listVersions, recordActivation, replaceVersion, type Queryable,
  type Storage,
} from '../storage'
import type { PublishOutcome } from '../service-types'
import type { ActiveProgram } from './active-program'
import type { ProgressKeeper } from './progress-keeper'

/** Users re-evaluated per transaction after a version change: bounded locks and memory, few round trips. */
const REEVALUATE_CHUNK = 200
/** Any constant; serialises publishing and activation of one program across processes (with the program id). */
const VERSIONS_LOCK_NAMESPACE = 727_274_003


/** Publishing, listing and activating versions of the one program a service runs. */
export interface ProgramVersionsControl {
  /** At start-up: stores `program` as the first version, or as a new one when its version string is new. */
  initialize(program: LocalizedProgram, by: string, now: Date): Promise<void>
  /** Stores `definition` (already validated as `program`, per-locale text and all) as a new version and activates it. */
  publish(program: LocalizedProgram, definition: unknown, by: string, now: Date): Promise<PublishOutcome>
  /** Makes a published version active again; false when it was never published. */
  activate(version: string, by: string, now: Date): Promise<boolean>
  list(): Promise<ProgramVersions>
}

/** How a version change reaches subjects: their progress re-evaluated and pushed to open widgets. */
export interface VersionsDeps {
  programId: string
  storage: Storage
  active: ActiveProgram
  keeper: ProgressKeeper
  publish(userIds: readonly string[]): Promise<void>
}

export function createProgramVersions({ programId, storage, active, keeper, publish }: VersionsDeps): ProgramVersionsControl {
  const locked = <T>(fn: (tx: Queryable) => Promise<T>) =>
    storage.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [VERSIONS_LOCK_NAMESPACE, programId])
      return fn(tx)
    })

  /** Re-evaluates every subject under the new active version (achievements carried, new ones celebrated calmly). */
  const reevaluateAll = async (now: Date, redefined = false) => {
    const userIds = await allSubjectIds(storage, programId)
    for (let start = 0; start < userIds.length; start += REEVALUATE_CHUNK) {
      const written = await keeper.recompute(userIds.slice(start, start + REEVALUATE_CHUNK), [], now, { redefined })
      await publish(written)
    }
  }

  /**
   * Inserts a version (its summary against the last published other one) and activates it, inside `locked`;
   * `replace` overwrites the stored definition of the same version string (the start-up file edited in place).
   */
  const store = async (tx: Queryable, program: LocalizedProgram, definition: unknown, by: string, now: Date, replace = false) => {
    const previous = await latestPublished(tx, programId, program.version)
    const parsed = previous === undefined ? undefined : parseProgram(previous.definition)
    const summary = diffPrograms(parsed?.ok ? parsed.source : undefined, program)
    const at = now.toISOString()
    const row = { version: program.version, definition, summary, publishedAt: at, publishedBy: by }
    await (replace ? replaceVersion(tx, programId, row) : insertVersion(tx, programId, row))
    await recordActivation(tx, programId, { version: program.version, activatedAt: at, activatedBy: by })
  }

  const activate = async (version: string, by: string, now: Date): Promise<boolean> => {
    const outcome = await locked(async (tx) => {
      const stored = await findVersion(tx, programId, version)
      const parsed = stored && parseProgram(stored.definition)
      if (!parsed?.ok) return undefined
      if ((await activeVersion(tx, programId)) !== version) {
        await recordActivation(tx, programId, { version, activatedAt: now.toISOString(), activatedBy: by })
      }
      return parsed.source
    })
    if (outcome === undefined) return false
    if (outcome.version === active.current().version) return true
    active.set(outcome)
    await reevaluateAll(now)
    return true
  }

  return {
    async initialize(program, by, now) {
      const outcome = await locked(async (tx): Promise<'kept' | 'first' | 'published' | 'replaced'> => {
        const current = await activeVersion(tx, programId)
        const stored = await findVersion(tx, programId, program.version)
        if (stored !== undefined && sameJson(stored.definition, program)) return 'kept'
        await store(tx, program, program, by, now, stored !== undefined)
        return stored !== undefined ? 'replaced' : current === undefined ? 'first' : 'published'
      })
      // Otherwise the database decides which version is active: an activation through the API outlives a restart.
      if (outcome === 'kept') await active.sync()
      else active.set(program)
      if (outcome === 'published' || outcome === 'replaced') await reevaluateAll(now, outcome === 'replaced')
    },

    async publish(program, definition, by, now) {
      const outcome = await locked(async (tx): Promise<PublishOutcome> => {
        const existing = await findVersion(tx, programId, program.version)
        if (existing !== undefined) {
          return { status: sameJson(existing.definition, definition) ? 'unchanged' : 'conflict', version: program.version }
        }
        await store(tx, program, definition, by, now)
        return { status: 'created', version: program.version }
      })
      if (outcome.status === 'created') {
        active.set(program)
        await reevaluateAll(now)
      } else if (outcome.status === 'unchanged') {
        await activate(program.version, by, now)
      }
      return outcome
    },

    activate,

    async list() {
      const [versions, current] = await Promise.all([listVersions(storage, programId), activeVersion(storage, programId)])
      const activeId = current ?? active.current().version
      return { active: activeId, versions: versions.map((v) => ({ ...v, active: v.version === activeId })) }
    },
  }
}
