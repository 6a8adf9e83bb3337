import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigError, loadConfig } from '../../../src/server'

const SECRETS = { CAIRN_API_KEY: 'k'.repeat(32), CAIRN_SIGNING_SECRET: 's'.repeat(32) }

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  return []
}

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({ ...SECRETS })
    expect(config).toMatchObject({ port: 8787, dataDir: '.cairn/data', seed: true, corsOrigins: '*', generated: [] })
    expect(config.databaseUrl).toBeUndefined()
    expect(config.program.id).toBe('taskly-onboarding')
  })

  it('generates missing secrets in development and says so', () => {
    const config = loadConfig({})
    expect(config.generated).toEqual(['CAIRN_API_KEY', 'CAIRN_SIGNING_SECRET'])
    expect(config.signingSecret.length).toBeGreaterThanOrEqual(32)
    expect(config.apiKey).not.toBe(loadConfig({}).apiKey)
  })

  it('refuses to start in production without secrets', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'CAIRN_API_KEY is required when NODE_ENV=production.',
      'CAIRN_SIGNING_SECRET is required when NODE_ENV=production.',
    ])
  })

  it('refuses secrets too short to be safe and a bad port', () => {
    const problems = problemsOf({ CAIRN_API_KEY: 'short', CAIRN_SIGNING_SECRET: 'short', PORT: 'eighty' })
    expect(problems).toHaveLength(3)
    expect(problems.join('\n')).toMatch(/PORT/)
  })

  it('reads DATABASE_URL, CAIRN_SEED=0 and a list of CORS origins', () => {
    const config = loadConfig({ ...SECRETS, DATABASE_URL: 'postgres://db/cairn', CAIRN_SEED: '0', CAIRN_CORS_ORIGINS: 'https://a.example, https://b.example', PORT: '9000' })
    expect(config).toMatchObject({ databaseUrl: 'postgres://db/cairn', seed: false, corsOrigins: ['https://a.example', 'https://b.example'], port: 9000 })
  })

  it('reads CAIRN_PUBLIC_URL (keeping a path prefix, without a trailing slash) and refuses one that is not an http(s) base', () => {
    expect(loadConfig({ ...SECRETS }).publicUrl).toBeUndefined()
    expect(loadConfig({ ...SECRETS, CAIRN_PUBLIC_URL: 'https://progress.example.com/' }).publicUrl).toBe('https://progress.example.com')
    expect(loadConfig({ ...SECRETS, CAIRN_PUBLIC_URL: ' https://example.com/cairn// ' }).publicUrl).toBe('https://example.com/cairn')
    for (const bad of ['progress.example.com', 'ftp://example.com', 'https://example.com/?a=1', 'https://example.com/#x', 'https://u:p@example.com']) {
      expect(problemsOf({ ...SECRETS, CAIRN_PUBLIC_URL: bad })).toEqual([expect.stringMatching(/^CAIRN_PUBLIC_URL must be an absolute http\(s\) URL/)])
    }
  })

  it('loads CAIRN_PROGRAM and reports every schema problem with its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-config-'))
    const file = join(dir, 'program.json')
    writeFileSync(file, JSON.stringify({ id: 'p', version: '1', title: 'P', levels: [], badges: [], milestones: [{ id: 'm', title: 'M', category: 'onboarding', criterion: { kind: 'often', event: 'x' } }] }))
    const problems = problemsOf({ ...SECRETS, CAIRN_PROGRAM: file })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain('milestones[0].criterion.kind')
  })

  it('reads the stream ticket lifetime (60 s by default) and refuses 0 or more than an hour', () => {
    expect(loadConfig(SECRETS).streamTicketTtlS).toBe(60)
    expect(loadConfig({ ...SECRETS, CAIRN_STREAM_TICKET_TTL_S: '15' }).streamTicketTtlS).toBe(15)
    expect(problemsOf({ ...SECRETS, CAIRN_STREAM_TICKET_TTL_S: '0' })).toEqual(['CAIRN_STREAM_TICKET_TTL_S must be between 1 and 3600 seconds, got "0".'])
    expect(problemsOf({ ...SECRETS, CAIRN_STREAM_TICKET_TTL_S: '86400' })).toEqual(['CAIRN_STREAM_TICKET_TTL_S must be between 1 and 3600 seconds, got "86400".'])
  })

  it('reports an unreadable CAIRN_PROGRAM file', () => {
    expect(problemsOf({ ...SECRETS, CAIRN_PROGRAM: join(tmpdir(), 'does-not-exist', 'p.json') })[0]).toMatch(/cannot read/)
  })
})
