import { verifyWebhookSignature, type WebhookEvent } from '../../../src/server/webhooks'
import type { CairnService } from '../../../src/server/service-types'
import { availableBackends, freshProgram, storageSuite } from '../storage/backends'
import { startReceiver, type Receiver } from './receiver'

const NOW = new Date('2026-03-10T12:00:00.000Z')
const SIGNED_UP = '2026-03-01T09:00:00.000Z'

const projectCreated = (userId: string, id = `${userId}-p1`) => ({
  id, name: 'project_created', userId, timestamp: '2026-03-10T11:00:00.000Z',
})

describe.each(availableBackends())('webhook delivery on $name', (backend) => {
  const suite = storageSuite(backend)
  let receiver: Receiver
  let service: CairnService

  beforeEach(async () => {
    receiver = await startReceiver()
    // The service clock is the test's NOW, so a subject update is evaluated then (not at the machine's date).
    service = await suite.start(undefined, { now: () => NOW, webhooks: { allowPrivate: true, backoffMs: 20 } })
  })
  afterEach(() => receiver.close())

  const bodies = () => receiver.received.map((r) => JSON.parse(r.body) as WebhookEvent)

  it('posts a signed milestone.achieved with the documented body and headers', async () => {
    const { secret } = await service.webhooks.register({ url: receiver.url, events: ['milestone.achieved'] })
    await service.upsertSubject('ada', { accountId: 'acme', signedUpAt: SIGNED_UP })
    await service.ingest([projectCreated('ada')], { now: NOW })

    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 20_000 })
    const [request] = receiver.received
    const body = bodies()[0]!
    expect(body).toEqual({
      id: expect.stringMatching(/^evt_/),
      type: 'milestone.achieved',
      createdAt: NOW.toISOString(),
      data: { userId: 'ada', accountId: 'acme', refId: 'first-project', title: 'Create your first project' },
    })
    expect(request!.headers['content-type']).toBe('application/json')
    expect(request!.headers['cairn-event-id']).toBe(body.id)
    expect(verifyWebhookSignature(secret, request!.body, String(request!.headers['cairn-signature']))).toBe(true)
  })

  it('sends only the subscribed types, and everything for "*"', async () => {
    await service.webhooks.register({ url: `${receiver.url}?only=badges`, events: ['badge.earned'] })
    await service.webhooks.register({ url: `${receiver.url}?all`, events: ['*'] })
    await service.upsertSubject('bo', { signedUpAt: SIGNED_UP })
    await service.ingest([projectCreated('bo')], { now: NOW })

    // Signed up nine days ago, so the 7-day setup milestone is missed too: two events for "*".
    await vi.waitFor(() => expect(receiver.received).toHaveLength(2), { timeout: 20_000 })
    await service.close()
    expect(receiver.received.every((r) => r.path === '/hooks?all')).toBe(true)
    expect(bodies().map((b) => `${b.type} ${b.data.refId}`).sort()).toEqual(['milestone.achieved first-project', 'milestone.missed finish-setup'])
  })

  it('retries a failing receiver with the same id until it answers 2xx, and logs each attempt', async () => {
    receiver.script.push(500, 503)
    const hook = await service.webhooks.register({ url: receiver.url, events: ['milestone.achieved'] })
    await service.upsertSubject('cy', { signedUpAt: SIGNED_UP })
    await service.ingest([projectCreated('cy')], { now: NOW })

    await vi.waitFor(() => expect(receiver.received).toHaveLength(3), { timeout: 20_000 })
    const ids = new Set(receiver.received.map((r) => r.headers['cairn-event-id']))
    expect(ids.size).toBe(1)
    await vi.waitFor(async () => expect((await service.webhooks.deliveries(hook.id))?.[0]).toMatchObject({ status: 'delivered', attempts: 3 }))
    const [delivery] = (await service.webhooks.deliveries(hook.id))!
    expect(delivery).toMatchObject({ id: [...ids][0], type: 'milestone.achieved' })
  })

  it('sends the same change once, even when it is computed again', async () => {
    await service.webhooks.register({ url: receiver.url, events: ['milestone.achieved'] })
    await service.upsertSubject('di', { signedUpAt: SIGNED_UP })
    const batch = [projectCreated('di')]
    await service.ingest(batch, { now: NOW })
    await service.ingest(batch, { now: NOW }) // a retried batch recomputes its duplicates
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 20_000 })
    await service.close()
    expect(receiver.received).toHaveLength(1)
  })

  it('keeps deliveries of other programs and webhooks apart', async () => {
    const other = await suite.start(undefined, { webhooks: { allowPrivate: true } })
    const hook = await service.webhooks.register({ url: receiver.url, events: ['*'] })
    expect(await other.webhooks.list()).toEqual([])
    expect(await other.webhooks.deliveries(hook.id)).toBeUndefined()
    expect(await service.webhooks.remove(hook.id)).toBe(true)
    expect(await service.webhooks.list()).toEqual([])
  })
})

describe.each(availableBackends())('signal webhooks on $name', (backend) => {
  const suite = storageSuite(backend)

  it('sends signal.raised when time alone makes a subject inactive, and signal.cleared when they come back', { timeout: 60_000 }, async () => {
    const receiver = await startReceiver()
    const clock = { now: new Date('2026-03-02T12:00:00.000Z') }
    const program = freshProgram({ signals: [{ id: 'went-quiet', title: 'Went quiet', criterion: { kind: 'inactive', days: 14 } }] })
    const service = await suite.start(program, { now: () => clock.now, webhooks: { allowPrivate: true, backoffMs: 20 } })
    try {
      await service.webhooks.register({ url: receiver.url, events: ['signal.raised', 'signal.cleared'] })
      await service.upsertSubject('eli', { signedUpAt: '2026-03-01T09:00:00.000Z' })
      await service.ingest([{ id: 'eli-1', name: 'logged_in', userId: 'eli', timestamp: '2026-03-02T11:00:00.000Z' }], { now: clock.now })

      clock.now = new Date('2026-03-20T12:00:00.000Z') // 18 days without a log-in
      await service.upsertSubject('eli', { signedUpAt: '2026-03-01T09:00:00.000Z' })
      await vi.waitFor(() => expect(receiver.received.map((r) => (JSON.parse(r.body) as WebhookEvent).type)).toEqual(['signal.raised']), { timeout: 20_000 })
      expect((JSON.parse(receiver.received[0]!.body) as WebhookEvent).data).toMatchObject({ userId: 'eli', refId: 'went-quiet', title: 'Went quiet' })

      await service.ingest([{ id: 'eli-2', name: 'logged_in', userId: 'eli', timestamp: '2026-03-20T11:59:00.000Z' }], { now: clock.now })
      await vi.waitFor(() => expect(receiver.received.map((r) => (JSON.parse(r.body) as WebhookEvent).type)).toEqual(['signal.raised', 'signal.cleared']), { timeout: 20_000 })
    } finally {
      await service.close()
      await receiver.close()
    }
  })
})
