// The `cairn` command through its real entry point: a child process per run, as a shell would start it.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { demoProgramSource, type ProgramPreview } from '../../src/core'
import { createServer, type CairnServer, type RunningServer } from '../../src/server'

const repoRoot = resolve(import.meta.dirname, '../..')
const entry = resolve(repoRoot, 'src/cli/index.ts')
const API_KEY = 'cli-test-api-key-0123456789abcdef'
const dir = mkdtempSync(join(tmpdir(), 'cairn-cli-'))

/** Runs `cairn <args>` to completion. */
function cairn(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: repoRoot, env: { ...process.env, CAIRN_API_KEY: '' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', fail)
    child.on('exit', (code) => done({ code, stdout, stderr }))
  })
}

/** Writes a file into this run's temporary folder and returns its path. */
function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

describe('cairn validate', () => {
  it('accepts a valid program, $schema key included, and exits 0', async () => {
    const path = file('valid.json', pretty({ $schema: './node_modules/cairn/program.schema.json', ...demoProgramSource }))
    const { code, stdout, stderr } = await cairn('validate', path)
    expect(stderr).toBe('')
    expect(stdout.trim()).toBe(`${path}: valid program "taskly-onboarding" version 1.`)
    expect(code).toBe(0)
  })

  it('prints one "path: message" line per problem with its line and column in the file, and exits 1', async () => {
    const program = structuredClone(demoProgramSource) as { milestones: Record<string, unknown>[] }
    program.milestones[1] = { ...program.milestones[1], criterion: { kind: 'count', event: 'task_added', atLeast: 0 } }
    program.milestones[2] = { ...program.milestones[2], category: 'fun' }
    const text = pretty(program)
    const path = file('invalid.json', text)
    const { code, stdout, stderr } = await cairn('validate', path)

    const lines = stderr.trim().split('\n')
    expect(lines).toHaveLength(2)
    const atLeastLine = text.split('\n').findIndex((l) => l.includes('"atLeast": 0')) + 1
    const atLeastColumn = text.split('\n')[atLeastLine - 1]!.indexOf('0') + 1
    expect(lines[0]).toBe(`milestones[1].criterion.atLeast: must be greater than 0 (${path}:${atLeastLine}:${atLeastColumn})`)
    expect(lines[1]).toMatch(new RegExp(`^milestones\\[2\\]\\.category: must be one of .*\\(${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+\\)$`))
    expect(stdout).toBe('')
    expect(code).toBe(1)
  })

  it('locates a JSON syntax error by line and column', async () => {
    const path = file('broken.json', '{\n  "id": "x",\n  "version": 1,,\n}\n')
    const { code, stderr } = await cairn('validate', path)
    expect(stderr.trim()).toBe(`(root): is not valid JSON: expected a string in double quotes, found "," (${path}:3:16)`)
    expect(code).toBe(1)
  })

  it('says which file it cannot read, and explains its usage without a file', async () => {
    const missing = await cairn('validate', join(dir, 'nope.json'))
    expect(missing.stderr.trim()).toBe(`${join(dir, 'nope.json')}: cannot read the file (ENOENT).`)
    expect(missing.code).toBe(1)
    const usage = await cairn('validate')
    expect(usage.stderr).toContain('cairn validate <program.json>')
    expect(usage.code).toBe(2)
  })
})

describe('cairn schema', () => {
  it('writes the same JSON Schema the server serves', async () => {
    const out = join(dir, 'program.schema.json')
    expect((await cairn('schema', '--out', out)).code).toBe(0)
    const schema = JSON.parse(readFileSync(out, 'utf8')) as { $schema: string; properties: Record<string, unknown> }
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['$schema', 'id', 'version', 'milestones', 'levels', 'badges']))
  })
})

describe('cairn preview against a running server', () => {
  let server: CairnServer
  let running: RunningServer
  beforeAll(async () => {
    server = await createServer({ apiKey: API_KEY, signingSecret: 'cli-test-signing-secret-0123456789abcdef', memory: true, rateLimit: false })
    running = await server.listen(0, '127.0.0.1')
    await server.service.ingest(
      [1, 2, 3].map((i) => ({ id: `e${i}`, name: 'task_added', userId: 'u1', timestamp: new Date(Date.now() - i * 60_000).toISOString() })),
      { now: new Date() },
    )
  })
  afterAll(() => server.close())

  const easier = () => ({
    ...structuredClone(demoProgramSource),
    version: '2',
    milestones: demoProgramSource.milestones.map((m) => (m.id === 'five-tasks' ? { ...m, criterion: { kind: 'count', event: 'task_added', atLeast: 3 } } : m)),
  })

  it('prints per milestone how many subjects would change, and publishes nothing', async () => {
    const path = file('easier.json', pretty(easier()))
    const { code, stdout, stderr } = await cairn('preview', path, '--url', running.url, '--key', API_KEY)
    expect(stderr).toBe('')
    expect(stdout).toContain('Publishing version 2 (active: 1) would affect 1 subject:')
    expect(stdout).toContain('  five-tasks: 1 would change state, 1 newly achieved (one calm toast each); in progress 1 → achieved 1')
    expect(code).toBe(0)
    expect(server.service.program.version).toBe('1')
  })

  it('answers --json with the preview document', async () => {
    const path = file('easier-json.json', pretty(easier()))
    const { code, stdout } = await cairn('preview', path, '--url', running.url, '--key', API_KEY, '--json')
    expect(code).toBe(0)
    expect((JSON.parse(stdout) as ProgramPreview).milestones['five-tasks']?.changed).toBe(1)
  })

  it('reports the server refusing the key, and needs a key at all', async () => {
    const path = file('easier-key.json', pretty(easier()))
    const wrong = await cairn('preview', path, '--url', running.url, '--key', 'not-the-key-0123456789abcdef')
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).not.toBe('')
    const none = await cairn('preview', path, '--url', running.url)
    expect(none.stderr.trim()).toBe('cairn preview needs the API key: --key <key> or CAIRN_API_KEY.')
    expect(none.code).toBe(2)
  })
})
