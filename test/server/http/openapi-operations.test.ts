// What generated clients and API gateways read from the document: method names, where the API is, who may call.
import type { CairnServer } from '../../../src/server'
import { startServer } from './harness'

interface Operation {
  operationId?: string
  security?: Record<string, string[]>[]
}
interface Document {
  servers?: { url: string }[]
  paths: Record<string, Record<string, Operation>>
}

const PUBLIC = ['get /healthz', 'get /v1/openapi.json', 'get /s/{id}', 'get /s/{id}.svg', 'get /v1/program.schema.json']

let server: CairnServer
let operations: [string, Operation][]
let document: Document
beforeAll(async () => {
  server = await startServer()
  document = (await (await server.app.request('/v1/openapi.json')).json()) as Document
  operations = Object.entries(document.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => [`${method} ${path}`, op] as [string, Operation]))
})
afterAll(() => server.close())

describe('the OpenAPI document', () => {
  it('names every operation with a unique camelCase operationId', () => {
    const ids = operations.map(([key, op]) => [key, op.operationId] as const)
    for (const [key, id] of ids) expect(id, key).toMatch(/^[a-z][A-Za-z]+$/)
    expect(new Set(ids.map(([, id]) => id)).size).toBe(ids.length)
    expect(Object.fromEntries(ids)).toMatchObject({ 'get /v1/me/progress': 'getMyProgress', 'post /v1/events': 'ingestEvents' })
  })

  it('says where the API is: relative to the document, so it holds behind any host', () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })])
  })

  it('marks public routes with an empty security list and every other route with its credential', () => {
    for (const [key, op] of operations) {
      if (PUBLIC.includes(key)) expect(op.security, key).toEqual([])
      else expect(op.security?.length, key).toBeGreaterThan(0)
    }
    expect(operations.map(([key]) => key)).toEqual(expect.arrayContaining(PUBLIC))
  })
})
