import { demoProgram, experimentArm, ExperimentInsightsSchema, type Program } from '../../../src/core'
import { validateMeProgress } from '../../../src/client/validate'
import type { CairnServer } from '../../../src/server'
import { API_KEY, bearer, errorOf, NOW, postEvents, startServer, tokenFor, uniqueUser } from './harness'

const experiment = { id: 'http-lift', holdoutPercent: 50, metric: { levelId: 'getting-started', withinDays: 14 } }
const program: Program = { ...demoProgram, experiment }

/** A fresh user whose account lands in the wanted arm. */
function userIn(arm: 'holdout' | 'treatment'): { userId: string; accountId: string } {
  for (;;) {
    const userId = uniqueUser()
    const accountId = `${userId}-acct`
    if (experimentArm(experiment, accountId) === arm) return { userId, accountId }
  }
}

let server: CairnServer
let plain: CairnServer
beforeAll(async () => {
  ;[server, plain] = await Promise.all([startServer({ program }), startServer()])
})
afterAll(() => Promise.all([server.close(), plain.close()]))

const get = (target: CairnServer, path: string, credential?: string) =>
  Promise.resolve(target.app.request(path, credential ? { headers: bearer(credential) } : {}))

describe('GET /v1/insights/experiment', () => {
  it('answers the API key with both arms, the lift and its interval, in the documented shape', async () => {
    const signedUpAt = new Date(NOW.getTime() - 30 * 24 * 3_600_000).toISOString()
    for (const arm of ['holdout', 'treatment'] as const) {
      const { userId, accountId } = userIn(arm)
      const put = await server.app.request(`/v1/subjects/${userId}`, { method: 'PUT', headers: bearer(API_KEY), body: JSON.stringify({ signedUpAt, accountId }) })
      expect(put.status).toBe(200)
      const at = new Date(Date.parse(signedUpAt) + 24 * 3_600_000).toISOString()
      const events = ['project_created', ...Array(5).fill('task_added'), 'teammate_invited'].map((name, i) => ({ id: `${userId}-${i}`, name, userId, accountId, timestamp: at }))
      expect((await postEvents(server, events)).status).toBe(202)
    }
    const response = await get(server, '/v1/insights/experiment', API_KEY)
    expect(response.status).toBe(200)
    const body = ExperimentInsightsSchema.parse(await response.json())
    expect(body.experimentId).toBe('http-lift')
    expect(body.treatment).toEqual({ n: 1, converted: 1, rate: 1 })
    expect(body.holdout).toEqual({ n: 1, converted: 1, rate: 1 })
    expect(body.lift.absolute).toBe(0)
    expect(body.lift.ci95?.[0]).toBeLessThan(0)
    expect(body.lift.ci95?.[1]).toBeGreaterThan(0)
  })

  it('refuses a missing credential (401) and a user token (403)', async () => {
    expect((await get(server, '/v1/insights/experiment')).status).toBe(401)
    const forbidden = await get(server, '/v1/insights/experiment', await tokenFor(uniqueUser()))
    expect(forbidden.status).toBe(403)
  })

  it('answers 404 no_experiment when the program defines none', async () => {
    const response = await get(plain, '/v1/insights/experiment', API_KEY)
    expect(response.status).toBe(404)
    expect((await errorOf(response)).code).toBe('no_experiment')
  })

  it('is in the OpenAPI document', async () => {
    const doc = (await (await get(server, '/v1/openapi.json')).json()) as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } }
    expect(doc.paths['/v1/insights/experiment']).toBeDefined()
    expect(doc.components.schemas.ExperimentInsights).toBeDefined()
  })
})

describe('GET /v1/me/progress for the holdout', () => {
  it('carries holdout: true and no celebrations, and the client accepts it', async () => {
    const { userId, accountId } = userIn('holdout')
    const token = await tokenFor(userId, { accountId })
    await postEvents(server, [{ id: `${userId}-p`, name: 'project_created', userId, accountId, timestamp: new Date(NOW.getTime() - 60_000).toISOString() }])
    const body = await (await get(server, '/v1/me/progress', token)).json()
    const progress = validateMeProgress(body)
    expect(progress.holdout).toBe(true)
    expect(progress.celebrations).toEqual([])
    expect(progress.milestones['first-project']?.state).toBe('achieved')
  })

  it('has no holdout flag in the treatment arm', async () => {
    const { userId, accountId } = userIn('treatment')
    const body = (await (await get(server, '/v1/me/progress', await tokenFor(userId, { accountId }))).json()) as Record<string, unknown>
    expect('holdout' in body).toBe(false)
  })
})
