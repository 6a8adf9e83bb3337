// A progress read is one SQL statement: `GET /v1/me/progress` (subject check included) and every live push round;
// on the embedded database a read nothing was written since is answered from memory (none).
import { createServer, createUserToken, type CairnServer } from '../../../src/server'
import { createMemoryBus } from '../../../src/server/bus'
import { createService, type CreateServiceOptions } from '../../../src/server/service'
import type { MeProgress, Program } from '../../../src/core'
import { availableBackends, freshProgram, storageSuite } from './backends'
import { counting } from './counting'
import { eventsFor } from './events'

const NOW = new Date('2026-03-10T12:00:00.000Z')
const SIGNED_UP = '2026-03-01T09:00:00.000Z'
const SECRET = 'progress-reads-secret-0123456789abcdefghij'
const API_KEY = 'progress-reads-api-key-0123456789abcdefghij'
const TEAM = 'three-active-teammates' // account-unit, for team and business plans only

describe.each(availableBackends())('progress reads on $name', (backend) => {
  const suite = storageSuite(backend)
  /** Only the embedded database keeps reads in memory (this process is its only writer). */
  const kept = backend.name === 'pglite'
  const opened: { close(): Promise<void> }[] = []
  afterEach(async () => {
    for (const item of opened.splice(0).reverse()) await item.close()
  })

  async function start(program: Program = freshProgram(), options: Omit<CreateServiceOptions, 'program' | 'storage'> = {}) {
    const { storage, statements } = counting(suite.storage)
    const service = await createService({ program, storage, now: () => NOW, webhooks: { deliver: false }, ...options })
    const server = await createServer({ service, apiKey: API_KEY, signingSecret: SECRET, rateLimit: false, now: () => NOW })
    opened.push(service, server)
    return { service, server, statements }
  }

  const token = (userId: string, plan = 'team', accountId = 'acme') =>
    createUserToken({ secret: SECRET, userId, accountId, signedUpAt: SIGNED_UP, traits: { plan }, expiresIn: new Date(NOW.getTime() + 3_600_000), now: NOW })

  /** `GET /v1/me/progress` with the statements it ran. */
  async function read(server: CairnServer, statements: string[], bearer: string) {
    const from = statements.length
    const response = await server.app.request('/v1/me/progress', { headers: { Authorization: `Bearer ${bearer}` } })
    expect(response.status).toBe(200)
    return { body: (await response.json()) as MeProgress, statements: statements.slice(from) }
  }

  const login = (userId: string, at: number) => ({ id: `${userId}-login-${at}`, name: 'logged_in', userId, accountId: 'acme', timestamp: new Date(NOW.getTime() - at * 60_000).toISOString() })

  it('answers GET /v1/me/progress with one statement: subject check, snapshot, carried, celebrations and the active version', async () => {
    const { server, service, statements } = await start()
    const ana = await token('ana')
    await read(server, statements, ana) // first visit: the subject is stored from the token
    await service.ingest([...eventsFor('ana', 'project_created', 1, { accountId: 'acme', end: NOW }), login('ana', 5)], { now: NOW })
    await read(server, statements, ana) // loads the benchmark cohort (refreshed by time, not per request)
    await service.upsertSubject('ben', { accountId: 'acme', signedUpAt: SIGNED_UP }) // any write: nothing kept is trusted

    const after = await read(server, statements, ana)
    expect(after.statements).toHaveLength(1)
    expect(after.body.milestones['first-project']?.state).toBe('achieved')
    expect(after.body.celebrations.map((c) => c.id)).toContain('milestone:first-project')
    const again = await read(server, statements, ana)
    expect(again.statements).toHaveLength(kept ? 0 : 1)
    expect(again.body).toEqual(after.body)
  })

  it('opens GET /v1/me/stream with the progress read alone: the subject is checked in it, no lookup of its own', async () => {
    const { server, service, statements } = await start()
    const ana = await token('ana')
    await read(server, statements, ana) // first visit: the subject is stored from the token
    await service.upsertSubject('ben', { accountId: 'acme', signedUpAt: SIGNED_UP }) // any write: nothing kept is trusted
    const from = statements.length
    const response = await server.app.request('/v1/me/stream', { headers: { Authorization: `Bearer ${ana}` } })
    expect(response.status).toBe(200)
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    let text = ''
    while (!text.includes('event: progress')) text += (await reader.read()).value ?? ''
    await reader.cancel()
    expect(statements.slice(from)).toHaveLength(1)
    // The answer the stream read is kept: the next request reads nothing on the embedded database.
    expect((await read(server, statements, ana)).statements).toHaveLength(kept ? 0 : 1)
  })

  it('reads a user whose evaluator is not in memory with the same one statement, events included', async () => {
    const { server, service, statements } = await start(freshProgram(), { evaluatorCacheSize: 1 })
    const [ana, ben] = [await token('ana'), await token('ben')]
    for (const bearer of [ana, ben]) await read(server, statements, bearer)
    await service.ingest([...eventsFor('ana', 'task_added', 5, { accountId: 'acme', end: NOW }), ...eventsFor('ben', 'task_added', 2, { accountId: 'acme', end: NOW })], { now: NOW })
    // Ben's evaluator is the one in memory now.
    for (const bearer of [ana, ben]) await read(server, statements, bearer)
    for (let i = 0; i < 2; i++) {
      // Only one evaluator fits: each read finds the other user's (and a write before it, so no answer is kept).
      await service.upsertSubject(`other-${i}-ana`, { signedUpAt: SIGNED_UP })
      const forAna = await read(server, statements, ana)
      await service.upsertSubject(`other-${i}-ben`, { signedUpAt: SIGNED_UP })
      const forBen = await read(server, statements, ben)
      expect([forAna.statements.length, forBen.statements.length]).toEqual([1, 1])
      expect(forAna.body.milestones['five-tasks']).toMatchObject({ state: 'achieved', current: 5 })
      expect(forBen.body.milestones['five-tasks']).toMatchObject({ state: 'in_progress', current: 2 })
    }
  })

  it('stores changed token claims before reading, so the answer follows the token', async () => {
    const { server, service, statements } = await start()
    await read(server, statements, await token('ana', 'team'))
    expect((await read(server, statements, await token('ana', 'team'))).body.milestones[TEAM]?.state).not.toBe('ineligible')
    const changed = await read(server, statements, await token('ana', 'free'))
    expect(changed.body.milestones[TEAM]?.state).toBe('ineligible')
    expect(changed.statements.length).toBeGreaterThan(1)
    const [row] = await suite.storage.query<{ payload: { traits: { plan: string } } }>('SELECT payload FROM subjects WHERE program_id = $1 AND user_id = $2', [service.program.id, 'ana'])
    expect(row?.payload.traits.plan).toBe('free')
  })

  it('answers a holdout subject in one statement, the recorded arm read with everything else', async () => {
    const base = freshProgram()
    const program: Program = { ...base, experiment: { id: `exp-${base.id}`, holdoutPercent: 50, metric: { levelId: 'getting-started', withinDays: 7 } } }
    const { server, service, statements } = await start(program)
    // Enough accounts that both arms occur; each recorded on first sight.
    const answers = []
    for (let i = 0; i < 8; i++) {
      const bearer = await createUserToken({ secret: SECRET, userId: `u${i}`, accountId: `acct-${i}`, signedUpAt: SIGNED_UP, expiresIn: new Date(NOW.getTime() + 3_600_000), now: NOW })
      await read(server, statements, bearer)
      await service.upsertSubject(`other-${i}`, { signedUpAt: SIGNED_UP }) // any write: nothing kept is trusted
      const after = await read(server, statements, bearer)
      const again = await read(server, statements, bearer)
      expect([after.statements.length, again.statements.length]).toEqual([1, kept ? 0 : 1])
      answers.push(after)
    }
    expect(new Set(answers.map((a) => a.body.holdout === true))).toEqual(new Set([true, false]))
  })

  it('reads every listener of a live round with one statement', async () => {
    // In-process fan-out on both backends: the round starts only once the ingest is done, so its statements stand apart.
    const { service, statements } = await start(freshProgram(), { bus: createMemoryBus() })
    const users = ['ana', 'ben', 'cy']
    for (const userId of users) await service.upsertSubject(userId, { accountId: 'acme', signedUpAt: SIGNED_UP, traits: { plan: 'team' } })
    const heard = new Map<string, MeProgress>()
    for (const userId of users) service.subscribe(userId, (progress) => heard.set(userId, progress))
    // A first round loads the benchmark cohort (refreshed by time, not per round).
    await service.ingest([login('ana', 1)], { now: NOW })
    await vi.waitFor(() => expect(heard.has('ana')).toBe(true))
    await service.ingest(users.map((userId, i) => login(userId, i + 2)), { now: NOW })
    const from = statements.length
    await vi.waitFor(() => expect(users.every((userId) => heard.get(userId)?.milestones[TEAM]?.state === 'achieved')).toBe(true))
    expect(statements.slice(from)).toHaveLength(1)
  })

  it('answers under a version another process activated, without waiting for a re-check', async () => {
    const program = freshProgram()
    const first = await start(program)
    const second = await start(program)
    const ana = await token('ana')
    await read(first.server, first.statements, ana)
    const v2: Program = { ...program, version: '2', milestones: program.milestones.map((m) => (m.id === 'five-tasks' ? { ...m, title: 'Add five tasks (v2)' } : m)) }
    await second.service.publishProgram(v2, v2, 'ci', NOW)
    const after = await read(first.server, first.statements, ana)
    expect(after.body.programVersion).toBe('2')
    expect(first.service.program.version).toBe('2')
  })
})
