import {
  accountEventReader, buildDigest, digestPeriodStart, localizeProgress,
  type LocalizedProgram, type MeProgress, type Program, type Subject,
} from '../../core'
import { createBusFor, type ProgressBus } from '../bus'
import {
  findSubjects, listActivations, markCelebrationSeen, saveSubjects, StorageUnavailableError,
  type Storage,
} from '../storage'
import type { CairnService, TokenSubject } from '../service-types'
import { createActiveProgram } from './active-program'
import { createAssigner } from './assignments'
import { createCohortCache } from './cohort-cache'
import { storeBatch } from './ingest'
import { createAccountsView } from './accounts'
import { perVersion } from './per-version'
import { previewProgram } from './program-preview'
import { createProgramVersions } from './program-versions'
import { createProgressKeeper, DEFAULT_EVALUATOR_CACHE_EVENTS, DEFAULT_EVALUATOR_CACHE_SIZE } from './progress-keeper'
import { createLiveUpdates } from './live-updates'
import { createMeProgressReader } from './me-progress'
import { createProgressAnswers } from './progress-answers'
import { createShareAdmin } from './shares'
import { createStreamTickets } from './stream-tickets'
import { startScheduler, type Scheduler, type SchedulerOptions } from './scheduler'
import { parseSubjectBody, sameSubject, subjectFromClaims } from './subject-input'
import { clientTrackableEventNames, validateEvents } from './validate-events'
import { createWebhookAdmin, createWebhookSender, DIGEST_CHECK_INTERVAL_MS, enqueueDeliveries, enqueueWeeklyDigests, progressChanges } from '../webhooks'

/** What the service runs on. */
export interface CreateServiceOptions {
  /**
   * The program to start with, as written (per-locale text is answered in each reader's language): stored as the
   * first version when the database has none, or published as a new version when its version string is new.
   * Otherwise the version active in the database is used.
   */
  program: LocalizedProgram
  /** Who `program` is published by when it becomes a version. @default 'start-up' */
  publishedBy?: string
  /** Opened (and migrated) storage; the service closes it on `close()`. */
  storage: Storage
  /** @default LISTEN/NOTIFY on Postgres, in-process on PGlite (see `createBusFor`) */
  bus?: ProgressBus
  /** Warm per-user evaluators kept in memory. @default 5000 */
  evaluatorCacheSize?: number
  /** Events all warm evaluators may hold together (memory is bounded by this, not only by the count). @default 1000000 */
  evaluatorCacheEvents?: number
  /** How long a loaded benchmark cohort is reused. @default 30000 */
  cohortTtlMs?: number
  /** The clock for work no request times: live pushes and subject updates. @default () => new Date() */
  now?: () => Date
  /**
   * Webhook delivery (`CAIRN_WEBHOOK_ALLOW_PRIVATE`, `CAIRN_WEBHOOK_BACKOFF_MS`); `deliver: false` only fills the
   * outbox, for a process that ingests while others send; `digestCheckMs` is how often due weekly digests are looked
   * for. @default { allowPrivate: false, backoffMs: 10000, deliver: true, digestCheckMs: 900000 }
   */
  webhooks?: { allowPrivate?: boolean; backoffMs?: number; deliver?: boolean; digestCheckMs?: number }
  /**
   * Recompute subjects when their progress changes with time alone (a tenure day, inactivity coming due, a
   * window emptying) and push the change, without a request. Off by default here so a service driven by
   * explicit `now`s (tests, scripts) never sees work timed by another clock; `createServer` turns it on.
   * @default false
   */
  scheduler?: boolean | SchedulerOptions
}

/**
 * The data layer behind the HTTP API: validates and stores events, keeps every user's progress and
 * celebrations up to date, and tells subscribers when it changes. Resolves once live updates from
 * other processes can be received.
 */
export async function createService(options: CreateServiceOptions): Promise<CairnService> {
  const { storage } = options
  const clock = options.now ?? (() => new Date())
  const bus = options.bus ?? createBusFor(storage)
  // The active version, evaluated in its default language; answers are re-worded per reader (`localizeProgress`).
  const active = createActiveProgram(options.program, storage)
  // Versions keep the program id (publishing refuses another), so storage keys never move.
  const programId = options.program.id
  // One assigner (experiment, variants) and accounts view per program version; what they record is in storage.
  const assignerFor = perVersion(createAssigner)
  const accountsViewFor = perVersion((program: Program) => createAccountsView(program, storage, options.cohortTtlMs))
  const sharesFor = perVersion((program: Program) => createShareAdmin(program, storage, async (userId, now) => (await plainProgress(userId, now)).progress))
  let scheduler: Scheduler | undefined
  const allowPrivateTargets = options.webhooks?.allowPrivate ?? false
  const sender =
    options.webhooks?.deliver === false
      ? { poke: () => {}, close: async () => {} }
      : createWebhookSender({ storage, programId, ...options.webhooks, allowPrivate: allowPrivateTargets })
  // Outbox rows are written in the transaction that writes the progress they describe (DESIGN §7.3).
  // The keeper has synced the active version inside the transaction, so `current()` is the one the changes were made under.
  const keeper = createProgressKeeper(active, storage, {
    entries: options.evaluatorCacheSize ?? DEFAULT_EVALUATOR_CACHE_SIZE,
    events: options.evaluatorCacheEvents ?? DEFAULT_EVALUATOR_CACHE_EVENTS,
  }, assignerFor, async (tx, changes, now) => {
    const program = active.current()
    const events = changes.flatMap(({ subject, before, after }) => progressChanges(program, subject, before, after, now))
    await enqueueDeliveries(tx, programId, events)
  }, (at) => scheduler?.noteChange(at))
  const cohort = createCohortCache(programId, storage, options.cohortTtlMs, (program, subjects) => assignerFor(program).forSubjects(storage, subjects))
  const inFlight = new Set<Promise<unknown>>()
  let closed = false

  /** Every write goes through here so `close()` can wait for it. */
  const track = <T>(work: () => Promise<T>): Promise<T> => {
    // A request racing shutdown is told to come back (503), like during an outage.
    if (closed) return Promise.reject(new StorageUnavailableError(new Error('service is closed')))
    const promise = work()
    inFlight.add(promise)
    void promise.then(
      () => inFlight.delete(promise),
      () => inFlight.delete(promise),
    )
    return promise
  }

  // Weekly digests fall due by the clock, not by events; every process may look, the outbox keeps one per user and week.
  const digestTimer = setInterval(() => {
    void enqueueWeeklyDigests(storage, active.current(), clock(), async (userId, at) => (await plainProgress(userId, at)).progress)
      .then((built) => built > 0 && sender.poke())
      .catch(() => {}) // storage down: the next check tries again
  }, options.webhooks?.digestCheckMs ?? DIGEST_CHECK_INTERVAL_MS)
  digestTimer.unref?.()

  const publish = async (userIds: readonly string[]) => {
    if (userIds.length > 0) sender.poke()
    await bus.publishAll(userIds.map((userId) => ({ programId, userId })))
  }

  const ensureSubject = (claims: TokenSubject) =>
    track(async () => {
      const stored = (await findSubjects(storage, programId, [claims.userId])).get(claims.userId)
      const subject = subjectFromClaims(claims, stored)
      if (!sameSubject(stored, subject)) await saveAndRecompute(subject, clock())
      return subject
    })
  const reader = createMeProgressReader({ storage, active, keeper, cohort, assignerFor, ensureSubject })
  const plainProgress = reader.plain
  const progressOf = async (userId: string, now: Date): Promise<MeProgress> => (await reader.many([userId], now)).get(userId)!

  /** The same progress in a reader's language (program text only; numbers and states are shared). */
  const inLocale = (progress: MeProgress, locale: string | undefined): MeProgress => {
    const texts = active.texts()
    return texts.locales.length === 0 ? progress : localizeProgress(progress, texts.in(locale))
  }

  const progressText = createProgressAnswers({ reader, inLocale, current: () => active.current(), writeCount: storage.writeCount })

  // A change from another process may come from a version it just activated: the read checks the active version itself.
  const live = createLiveUpdates({ read: (userIds) => reader.many(userIds, clock()), inLocale, busy: (userId) => keeper.busy(userId) })
  const unsubscribeBus = bus.subscribe(
    (change) => {
      if (change.programId === programId && !closed) live.changed([change.userId])
    },
    () => live.changedAll(),
  )

  const saveAndRecompute = async (subject: Subject, now: Date) => {
    // The cached evaluator notices the changed subject itself and is rebuilt.
    await saveSubjects(storage, programId, [subject])
    const written = await keeper.recompute([subject.userId], [], now)
    await publish(written)
  }

  const versions = createProgramVersions({ programId, storage, active, keeper, publish })
  await versions.initialize(options.program, options.publishedBy ?? 'start-up', clock())
  await bus.ready()
  if (options.scheduler) {
    scheduler = startScheduler({
      programId,
      storage,
      keeper,
      clock,
      publish,
      options: options.scheduler === true ? {} : options.scheduler,
    })
  }

  return {
    get program() {
      return active.current()
    },
    currentProgram: () => active.fresh(),
    ingest: (events, { now, onlyUserId, onlyClientTrackable }) =>
      track(async () => {
        const program = await active.fresh()
        let onlyAccountId: string | undefined
        if (onlyUserId !== undefined) onlyAccountId = (await findSubjects(storage, programId, [onlyUserId])).get(onlyUserId)?.accountId
        const { valid, rejected } = validateEvents(events, {
          now,
          ...(onlyUserId !== undefined ? { onlyUserId, onlyAccountId } : {}),
          ...(onlyClientTrackable ? { allowedNames: clientTrackableEventNames(program) } : {}),
        })
        const batch = await storeBatch(storage, program, valid, rejected, accountEventReader(program))
        const written = await keeper.recompute(batch.affectedUsers, batch.touched, now)
        await publish(written)
        return batch.result
      }),
    upsertSubject: (userId, body, options) =>
      track(async () => {
        const subject = parseSubjectBody(userId, body)
        await saveAndRecompute(subject, options?.now ?? clock())
        return subject
      }),
    subjectFromToken: ensureSubject,
    programLocale: (preferences) => active.texts().negotiate(preferences),
    programIn: (locale) => active.texts().in(locale),
    progress: async (userId, now, locale) => inLocale(await progressOf(userId, now), locale),
    progressForToken: async (claims, now, locale) => inLocale(await reader.forToken(claims, now), locale),
    progressTextForToken: progressText,
    ackCelebration: (userId, celebrationId) =>
      track(async () => {
        const found = await markCelebrationSeen(storage, programId, userId, celebrationId)
        // Other open devices drop it from their pending list.
        if (found) await publish([userId])
        return found
      }),
    digest: async (userId, period, now, locale) => {
      await active.fresh()
      // The period's own time saved is measured from the progress at its start, evaluated from the events.
      const { progress: startProgress } = await plainProgress(userId, digestPeriodStart(period, now))
      const { progress } = await plainProgress(userId, now)
      return buildDigest({ program: active.texts().in(locale), progress, startProgress, period, now })
    },
    insights: async (now) => {
      const program = await active.fresh()
      // Kept up to date row by row (the scan, `computeInsights`, is the reference it is tested against).
      const [aggregates, activations] = await Promise.all([cohort.aggregates(program), listActivations(storage, programId)])
      const versions = activations.map(({ version, activatedAt }) => ({ version, activatedAt }))
      return { ...aggregates.insights.read(now), success: aggregates.success.read(now), versions }
    },
    publishProgram: (program, definition, by, now) => track(() => versions.publish(program, definition, by, now)),
    activateProgram: (version, by, now) => track(() => versions.activate(version, by, now)),
    programVersions: () => versions.list(),
    previewProgram: async (program, now) => previewProgram(storage, await active.fresh(), program, now),
    experiment: async (now) => {
      const program = await active.fresh()
      if (!program.experiment) return undefined
      // Kept up to date row by row (the scan, `computeExperimentInsights`, is the reference it is tested against).
      return (await cohort.experiment(program)).read(now)
    },
    subscribe: (userId, listener, locale) => live.subscribe(userId, listener, locale),
    accounts: async (query, now) => accountsViewFor(await active.fresh()).page(query, now),
    webhooks: createWebhookAdmin(storage, programId, allowPrivateTargets, clock),
    streamTickets: createStreamTickets(storage, programId),
    get shares() {
      return sharesFor(active.current())
    },
    health: async () => {
      try {
        await storage.query('SELECT 1')
        return true
      } catch {
        return false
      }
    },
    close: async () => {
      if (closed) return
      closed = true
      await scheduler?.stop()
      await Promise.allSettled([...inFlight])
      await keeper.idle()
      clearInterval(digestTimer)
      await sender.close()
      unsubscribeBus()
      live.close()
      await bus.close()
      await storage.close()
    },
  }
}
