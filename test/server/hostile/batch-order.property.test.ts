// Property: how a sender cuts its event stream into batches — split, permuted, with duplicates resent — never
// changes stored progress. Checked against one batch with everything, on each available backend.
// Once with subjects upserted first, as a host does, and once without: then each user's provisional subject must
// sign up at their earliest event whichever batch brings it. (Known and left open: a pending celebration keeps
// the achievedAt it was created with, so only celebration ids are compared; see the ARCHITECTURE hardening notes.)
import fc from 'fast-check'
import type { CairnEvent } from '../../../src/core'
import { availableBackends, freshProgram, storageSuite } from '../storage/backends'

const NOW = new Date('2026-03-10T12:00:00.000Z')
const USERS = ['ana', 'ben', 'cy']
const NAMES = ['project_created', 'task_added', 'task_completed', 'teammate_invited', 'feature_used', 'logged_in']

const eventArb = fc.record({
  user: fc.constantFrom(...USERS),
  name: fc.constantFrom(...NAMES),
  hoursAgo: fc.integer({ min: 0, max: 24 * 20 }),
  feature: fc.constantFrom('boards', 'labels', 'timeline'),
})

/** A stream with unique ids, and a way of sending it: chunk sizes, an order, and which events are resent. */
const scenarioArb = fc.record({
  stream: fc.array(eventArb, { minLength: 1, maxLength: 40 }),
  order: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
  cuts: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 40, maxLength: 40 }),
  resend: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
})

describe.each(availableBackends())('batching never changes stored progress on $name', (backend) => {
  const suite = storageSuite(backend)

  it.each([
    { subjects: 'upserted by the host', upsert: true },
    { subjects: 'provisional (made up from events)', upsert: false },
  ])('equals one big batch whatever the split, order and duplicates, subjects $subjects', async ({ upsert }) => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ stream, order, cuts, resend }) => {
        const events: CairnEvent[] = stream.map((e, i) => ({
          id: `e${i}`,
          name: e.name,
          userId: e.user,
          accountId: `acct-${e.user === 'cy' ? 2 : 1}`,
          timestamp: new Date(NOW.getTime() - e.hoursAgo * 3_600_000).toISOString(),
          ...(e.name === 'feature_used' && { properties: { feature: e.feature } }),
        }))
        const reference = await suite.start(freshProgram(), { now: () => NOW })
        const batched = await suite.start(freshProgram(), { now: () => NOW })
        for (const service of upsert ? [reference, batched] : []) {
          for (const user of USERS) await service.upsertSubject(user, { signedUpAt: '2026-02-01T00:00:00Z', accountId: `acct-${user === 'cy' ? 2 : 1}` })
        }
        await reference.ingest(events, { now: NOW })

        const sent = events.map((event, i) => ({ event, key: order[i] ?? 0 })).sort((a, b) => a.key - b.key).map((x) => x.event)
        const withResends = [...sent, ...sent.filter((_, i) => resend[i])]
        for (let start = 0, c = 0; start < withResends.length; c++) {
          const size = cuts[c % cuts.length] ?? 1
          await batched.ingest(withResends.slice(start, start + size), { now: NOW })
          start += size
        }
        for (const user of USERS) {
          const [a, b] = await Promise.all([reference.progress(user, NOW), batched.progress(user, NOW)])
          const { celebrations: ca, ...progressA } = a
          const { celebrations: cb, ...progressB } = b
          expect({ ...progressB, programId: a.programId }).toEqual(progressA)
          expect(cb.map((c) => c.id).sort()).toEqual(ca.map((c) => c.id).sort())
        }
      }),
      { numRuns: 8 },
    )
  }, 180_000)
})
