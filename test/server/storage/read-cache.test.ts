// Reads kept in memory on the embedded database must never outlive a write: every kind of write, by this service, by
// another service on the same database, or by raw SQL (the seed writes directly), is seen by the very next read. On
// Postgres nothing is kept; the same answers are checked there.
import { createServer, createUserToken, type CairnServer } from '../../../src/server'
import { createService } from '../../../src/server/service'
import { markAllCelebrationsSeen } from '../../../src/server/storage'
import type { MeProgress, Program } from '../../../src/core'
import { availableBackends, freshProgram, storageSuite } from './backends'
import { counting } from './counting'
import { eventsFor } from './events'

const NOW = new Date('2026-03-10T12:00:00.000Z')
const SIGNED_UP = '2026-03-01T09:00:00.000Z'
const SECRET = 'read-cache-secret-0123456789abcdefghijklmn'
const API_KEY = 'read-cache-api-key-0123456789abcdefghijklmn'
const TEAM = 'three-active-teammates' // account-unit, for team and business plans only

describe.each(availableBackends())('reads kept in memory on $name', (backend) => {
  const suite = storageSuite(backend)
  const kept = backend.name === 'pglite'
  const opened: { close(): Promise<void> }[] = []
  afterEach(async () => {
    for (const item of opened.splice(0).reverse()) await item.close()
  })

  async function start(program: Program) {
    const { storage, statements } = counting(suite.storage)
    const service = await createService({ program, storage, now: () => NOW, webhooks: { deliver: false } })
    const server = await createServer({ service, apiKey: API_KEY, signingSecret: SECRET, rateLimit: false, now: () => NOW })
    opened.push(service, server)
    return { service, server, statements }
  }

  const bearer = async () => ({
    Authorization: `Bearer ${await createUserToken({ secret: SECRET, userId: 'ana', accountId: 'acme', signedUpAt: SIGNED_UP, expiresIn: new Date(NOW.getTime() + 3_600_000), now: NOW })}`,
  })

  /** Reads twice and returns the second answer, checking it came from memory (embedded) or one statement (Postgres). */
  async function settledRead(server: CairnServer, statements: string[]): Promise<MeProgress> {
    const headers = await bearer()
    await server.app.request('/v1/me/progress', { headers })
    const from = statements.length
    const response = await server.app.request('/v1/me/progress', { headers })
    expect(response.status).toBe(200)
    expect(statements.length - from).toBe(kept ? 0 : 1)
    return (await response.json()) as MeProgress
  }

  /** The answer right after a write, with nothing settled first. */
  async function nextRead(server: CairnServer): Promise<MeProgress> {
    const response = await server.app.request('/v1/me/progress', { headers: await bearer() })
    expect(response.status).toBe(200)
    return (await response.json()) as MeProgress
  }

  it('sees events, a celebration acknowledged, a subject changed and raw SQL writes on the next read', async () => {
    const program = freshProgram()
    const { service, server, statements } = await start(program)
    expect((await settledRead(server, statements)).milestones['first-project']?.state).toBe('available')

    await service.ingest(eventsFor('ana', 'project_created', 1, { accountId: 'acme', end: NOW }), { now: NOW })
    const celebrated = await nextRead(server)
    expect(celebrated.milestones['first-project']?.state).toBe('achieved')
    expect(celebrated.celebrations.map((c) => c.id)).toContain('milestone:first-project')

    await settledRead(server, statements)
    const seen = await server.app.request('/v1/me/celebrations/milestone:first-project/seen', { method: 'POST', headers: await bearer() })
    expect(seen.status).toBe(204)
    expect((await nextRead(server)).celebrations.map((c) => c.id)).not.toContain('milestone:first-project')

    // The token carries no plan; the host sets one: the team milestone becomes eligible.
    expect((await settledRead(server, statements)).milestones[TEAM]?.state).toBe('ineligible')
    const put = await server.app.request('/v1/subjects/ana', {
      method: 'PUT',
      headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ accountId: 'acme', signedUpAt: SIGNED_UP, traits: { plan: 'team' } }),
    })
    expect(put.status).toBe(200)
    expect((await nextRead(server)).milestones[TEAM]?.state).not.toBe('ineligible')

    // Written past the service, as the seed does: still seen.
    await service.ingest(eventsFor('ana', 'task_added', 5, { accountId: 'acme', end: NOW }), { now: NOW })
    expect((await settledRead(server, statements)).celebrations.map((c) => c.id)).toContain('milestone:five-tasks')
    await markAllCelebrationsSeen(suite.storage, program.id, ['ana'])
    expect((await nextRead(server)).celebrations).toEqual([])
    await suite.storage.query(`UPDATE progress SET snapshot = jsonb_set(snapshot, '{unlockedFeatures}', '["raw"]') WHERE program_id = $1`, [program.id])
    await suite.storage.query(`UPDATE progress SET snapshot = jsonb_set(snapshot, '{programVersion}', '"elsewhere"') WHERE program_id = $1`, [program.id])
    // A snapshot of another version is crossed in memory, so the raw write shows in what is carried across.
    expect((await nextRead(server)).programVersion).toBe(program.version)
    const [row] = await suite.storage.query<{ version: string }>(`SELECT snapshot->>'programVersion' AS version FROM progress WHERE program_id = $1`, [program.id])
    expect(row?.version).toBe('elsewhere')
  })

  it('sees what another service on the same database writes: events, and a version it activated', async () => {
    const program = freshProgram()
    const first = await start(program)
    const second = await start(program)
    expect((await settledRead(first.server, first.statements)).milestones['first-project']?.state).toBe('available')

    await second.service.ingest(eventsFor('ana', 'project_created', 1, { accountId: 'acme', end: NOW }), { now: NOW })
    expect((await nextRead(first.server)).milestones['first-project']?.state).toBe('achieved')

    await settledRead(first.server, first.statements)
    const v2: Program = { ...program, version: '2', milestones: program.milestones.map((m) => (m.id === 'first-project' ? { ...m, title: 'Start a project (v2)' } : m)) }
    await second.service.publishProgram(v2, v2, 'ci', NOW)
    const answer = await nextRead(first.server)
    expect(answer.programVersion).toBe('2')
    expect(answer.milestones['first-project']?.state).toBe('achieved')
  })
})
