// POST /v1/me/stream-ticket and GET /v1/me/stream?ticket=: the user token stays out of URLs. A ticket opens one
// stream, for the user and program it was issued for, within its lifetime — across processes on one database.
import { randomBytes } from 'node:crypto'
import { demoProgramSource, type LocalizedProgram, type MeProgress } from '../../../src/core'
import { createServer, type CairnServer, type CreateServerOptions } from '../../../src/server'
import { createService } from '../../../src/server/service'
import type { CairnService } from '../../../src/server/service-types'
import { openStorage, type Storage } from '../../../src/server/storage'
import { dropSchema, POSTGRES_URL, unclosable, uniqueSchema } from '../storage/backends'
import { API_KEY, NOW, SECRET, bearer, errorOf, event, postEvents, tokenFor, uniqueUser } from './harness'

interface Ticket {
  ticket: string
  expiresAt: string
}

/** Two storages on one database: two processes' view of it (PGlite is one process, so both share one). */
interface Database {
  name: string
  open(): Promise<[Storage, Storage]>
  dispose(): Promise<void>
}

function databases(): Database[] {
  let pglite: Storage | undefined
  const embedded: Database = {
    name: 'pglite',
    open: async () => {
      pglite = await openStorage({ memory: true })
      return [pglite, unclosable(pglite)]
    },
    dispose: async () => {},
  }
  const url = POSTGRES_URL
  if (!url) return [embedded]
  const schema = uniqueSchema()
  const postgres: Database = {
    name: 'postgres',
    open: async () => [await openStorage({ databaseUrl: url, schema }), await openStorage({ databaseUrl: url, schema })],
    dispose: () => dropSchema(url, schema),
  }
  return [embedded, postgres]
}

/** The demo program as written (German text included) under a fresh id: tables are keyed by program id. */
const freshProgram = (): LocalizedProgram => ({ ...demoProgramSource, id: `ticket-${randomBytes(4).toString('hex')}` })

/** The first `event: progress` of an SSE response; the stream is closed after it. */
async function firstProgress(response: Response): Promise<MeProgress> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  try {
    for (;;) {
      const frame = /(?:^|\n\n)event: progress\ndata: (.*)\n\n/.exec(buffer)
      if (frame) return JSON.parse(frame[1]!) as MeProgress
      const { done, value } = await reader.read()
      if (done) throw new Error('the stream ended before a progress event')
      buffer += value
    }
  } finally {
    await reader.cancel()
  }
}

describe.each(databases())('stream tickets on $name', (database) => {
  const clock = { now: NOW }
  const storages: Storage[] = []
  const services: CairnService[] = []
  const servers: CairnServer[] = []
  let program: LocalizedProgram
  /** Two servers ("processes") of one program, each on its own connection to the database. */
  let a: CairnServer
  let b: CairnServer

  const serve = async (storage: Storage, options: Partial<CreateServerOptions> & { programOf?: LocalizedProgram } = {}) => {
    const { programOf = program, ...rest } = options
    const service = await createService({ program: programOf, storage: unclosable(storage), now: () => clock.now })
    services.push(service)
    const server = await createServer({ service, apiKey: API_KEY, signingSecret: SECRET, rateLimit: false, now: () => clock.now, ...rest })
    servers.push(server)
    return server
  }
  const issue = async (server: CairnServer, userId: string, extra: Parameters<typeof tokenFor>[1] = {}) => {
    const response = await server.app.request('/v1/me/stream-ticket', { method: 'POST', headers: bearer(await tokenFor(userId, extra)) })
    expect(response.status).toBe(201)
    return (await response.json()) as Ticket
  }
  const stream = (server: CairnServer, ticket: string) => Promise.resolve(server.app.request(`/v1/me/stream?ticket=${encodeURIComponent(ticket)}`))
  const refusal = async (response: Response) => {
    expect(response.status).toBe(401)
    expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="cairn", error="invalid_token"')
    return (await errorOf(response)).code
  }

  beforeAll(async () => {
    storages.push(...(await database.open()))
  })
  beforeEach(async () => {
    clock.now = NOW
    program = freshProgram()
    a = await serve(storages[0]!)
    b = await serve(storages[1]!)
  })
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()))
    await Promise.all(services.splice(0).map((s) => s.close()))
  })
  afterAll(async () => {
    await Promise.all(storages.map((s) => s.close()))
    await database.dispose()
  })

  it('issues an unguessable ticket for 60 s that is never cached', async () => {
    const response = await a.app.request('/v1/me/stream-ticket', { method: 'POST', headers: bearer(await tokenFor(uniqueUser())) })
    expect(response.status).toBe(201)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    const body = (await response.json()) as Ticket
    expect(body.ticket).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(body.expiresAt).toBe(new Date(NOW.getTime() + 60_000).toISOString())
    expect((await issue(a, uniqueUser())).ticket).not.toBe(body.ticket)
  })

  it('opens the stream of the user it was issued for, on another server of the same database', async () => {
    const [alice, bob] = [uniqueUser('alice'), uniqueUser('bob')]
    expect((await postEvents(a, [event(alice, 'project_created')])).status).toBe(202)
    const aliceTicket = await issue(a, alice)
    const bobTicket = await issue(a, bob)
    const response = await stream(b, aliceTicket.ticket)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toContain('text/event-stream')
    expect((await firstProgress(response)).milestones['first-project']?.state).toBe('achieved')
    expect((await firstProgress(await stream(b, bobTicket.ticket))).milestones['first-project']?.state).toBe('available')
  })

  it('carries the token language into the stream', async () => {
    const { ticket } = await issue(a, uniqueUser(), { locale: 'de' })
    expect((await firstProgress(await stream(a, ticket))).nextSteps.map((s) => s.title)).toContain('Lege dein erstes Projekt an')
  })

  it('opens one stream only: a second use is 401 ticket_used, on either server', async () => {
    const { ticket } = await issue(a, uniqueUser())
    await firstProgress(await stream(a, ticket))
    expect(await refusal(await stream(a, ticket))).toBe('ticket_used')
    expect(await refusal(await stream(b, ticket))).toBe('ticket_used')
  })

  it('lets exactly one of two servers redeeming the same ticket at once open a stream', async () => {
    const { ticket } = await issue(a, uniqueUser())
    const responses = await Promise.all([stream(a, ticket), stream(b, ticket)])
    expect(responses.map((r) => r.status).sort()).toEqual([200, 401])
    const refused = responses.find((r) => r.status === 401)!
    expect(await refusal(refused)).toBe('ticket_used')
    await firstProgress(responses.find((r) => r.status === 200)!)
  })

  it('expires: valid until the last millisecond, then 401 ticket_expired', async () => {
    const userId = uniqueUser()
    const [early, late] = [await issue(a, userId), await issue(a, userId)]
    clock.now = new Date(NOW.getTime() + 59_999)
    await firstProgress(await stream(b, early.ticket))
    clock.now = new Date(NOW.getTime() + 60_000)
    expect(await refusal(await stream(b, late.ticket))).toBe('ticket_expired')
  })

  it('lives as long as configured', async () => {
    const short = await serve(storages[0]!, { streamTicketTtlS: 5 })
    const { ticket, expiresAt } = await issue(short, uniqueUser())
    expect(expiresAt).toBe(new Date(NOW.getTime() + 5_000).toISOString())
    clock.now = new Date(NOW.getTime() + 5_000)
    expect(await refusal(await stream(short, ticket))).toBe('ticket_expired')
  })

  it('refuses unknown and malformed tickets with 401 invalid_ticket', async () => {
    for (const ticket of [randomBytes(32).toString('base64url'), 'abc', '', 'x'.repeat(5000), 'a\u0000b']) {
      expect(await refusal(await stream(a, ticket)), JSON.stringify(ticket.slice(0, 20))).toBe('invalid_ticket')
    }
    for (const query of ['ticket=%ED%A0%80', 'ticket=%FF', 'ticket=%', 'ticket=a&ticket=b', 'ticket']) {
      expect(await refusal(await a.app.request(`/v1/me/stream?${query}`)), query).toBe('invalid_ticket')
    }
  })

  it('is bound to its program: another program on the same database does not know it, and it stays unused', async () => {
    const other = await serve(storages[1]!, { programOf: freshProgram() })
    const { ticket } = await issue(a, uniqueUser())
    expect(await refusal(await stream(other, ticket))).toBe('invalid_ticket')
    expect((await stream(a, ticket)).status).toBe(200)
  })

  it('stores only a hash of the ticket', async () => {
    const { ticket } = await issue(a, uniqueUser())
    const rows = await storages[0]!.query<Record<string, unknown>>('SELECT * FROM stream_tickets WHERE program_id = $1', [program.id])
    expect(rows).toHaveLength(1)
    expect(JSON.stringify(rows)).not.toContain(ticket)
  })

  it('takes a user token in the Authorization header, never the API key or a ticket', async () => {
    const post = (headers: Record<string, string>) => a.app.request('/v1/me/stream-ticket', { method: 'POST', headers })
    expect((await errorOf(await post(bearer(API_KEY)))).code).toBe('wrong_credential')
    expect((await errorOf(await post({}))).code).toBe('missing_credential')
    const { ticket } = await issue(a, uniqueUser())
    expect((await post(bearer(ticket))).status).toBe(401)
    expect((await a.app.request(`/v1/me/progress?ticket=${ticket}`)).status).toBe(401)
  })

  it('counts against the user rate limit, and failed tickets against the address', async () => {
    const limited = await serve(storages[0]!, { rateLimit: { userPerMinute: 2, authFailuresPerMinute: 2 } })
    const token = await tokenFor(uniqueUser())
    const post = () => limited.app.request('/v1/me/stream-ticket', { method: 'POST', headers: bearer(token) })
    expect([(await post()).status, (await post()).status, (await post()).status]).toEqual([201, 201, 429])
    const guess = () => limited.app.request(`/v1/me/stream?ticket=${randomBytes(32).toString('base64url')}`, {}, { incoming: { socket: { remoteAddress: '203.0.113.9' } } })
    expect([(await guess()).status, (await guess()).status, (await guess()).status]).toEqual([401, 401, 429])
  })
})
