import { parseProgram, type LocalizedProgram, type Program } from '../../core'
import { activeVersion, findVersion, type Queryable, type Storage } from '../storage'
import { createProgramTexts, type ProgramTexts } from './program-texts'

/** Another process may activate a version; reads notice within this long (writes always check exactly). */
export const ACTIVE_VERSION_TTL_MS = 1_000

/** The program version every evaluation in this process uses, kept in step with the database. */
export interface ActiveProgram {
  /** The active version in its default language, as last seen: what the engine evaluates. */
  current(): Program
  /** The active version's text in every language it is written in. */
  texts(): ProgramTexts
  /**
   * Reads the active version from storage (inside a write transaction: exact) and switches to it when another
   * process (or another service on the same database) activated a different one.
   */
  sync(q?: Queryable): Promise<Program>
  /** `sync` at most once per `ACTIVE_VERSION_TTL_MS`, for reads. */
  fresh(): Promise<Program>
  /** Switches after this process activated `source` itself. */
  set(source: LocalizedProgram): void
}

/** Tracks the active version of `initial.id`; stored definitions are parsed once per version string. */
export function createActiveProgram(initial: LocalizedProgram, storage: Storage, clock: () => number = Date.now): ActiveProgram {
  let texts = createProgramTexts(initial)
  let checkedAt = clock()
  const parsed = new Map<string, ProgramTexts>([[initial.version, texts]])

  const load = async (q: Queryable, version: string): Promise<ProgramTexts> => {
    const known = parsed.get(version)
    if (known) return known
    const stored = await findVersion(q, initial.id, version)
    const result = stored && parseProgram(stored.definition)
    // A stored version was valid when published; should a later release reject it, keep serving what works.
    if (!result?.ok) return texts
    const loaded = createProgramTexts(result.source)
    parsed.set(version, loaded)
    return loaded
  }

  const sync = async (q: Queryable = storage): Promise<Program> => {
    checkedAt = clock()
    const version = await activeVersion(q, initial.id)
    if (version !== undefined && version !== texts.base.version) texts = await load(q, version)
    return texts.base
  }

  return {
    current: () => texts.base,
    texts: () => texts,
    sync,
    fresh: () => (clock() - checkedAt < ACTIVE_VERSION_TTL_MS ? Promise.resolve(texts.base) : sync()),
    set: (source) => {
      // Always fresh: the start-up file may redefine a version string this process has seen.
      texts = createProgramTexts(source)
      parsed.set(source.version, texts)
      checkedAt = clock()
    },
  }
}
