// The `cairn` command: `cairn validate <file>`, `cairn preview <file> --url <server> --key <api key>`, `cairn schema`.
import { readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { programJsonSchema } from '../core'
import { formatPreview, requestPreview } from './preview'
import { checkProgramText, formatProblem } from './validate'

const USAGE = `Usage:
  cairn validate <program.json>                       check a program file (exit 1 when invalid)
  cairn preview <program.json> [--url URL] [--key KEY] what publishing it would change on a running server
                                                      (defaults: CAIRN_URL or http://localhost:8787, CAIRN_API_KEY)
  cairn schema [--out FILE]                           print the program JSON Schema (draft 2020-12)`

/** Runs one command; resolves to the exit code. Output goes through `out` and `err` (lines). */
async function run(argv: readonly string[], env: Record<string, string | undefined>, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    err(error instanceof Error ? error.message : String(error))
    err(USAGE)
    return 2
  }
  const { values, positionals } = parsed
  const [command, file] = positionals
  if (values.help || command === undefined || command === 'help') {
    out(USAGE)
    return command === undefined && !values.help ? 2 : 0
  }
  if (command === 'schema') {
    const text = `${JSON.stringify(programJsonSchema(), null, 2)}\n`
    if (values.out) writeFileSync(values.out, text)
    else out(text.trimEnd())
    return 0
  }
  if ((command !== 'validate' && command !== 'preview') || file === undefined) {
    err(command === 'validate' || command === 'preview' ? `cairn ${command} needs a program file.` : `Unknown command "${command}".`)
    err(USAGE)
    return 2
  }

  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    err(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'}).`)
    return 1
  }
  const check = checkProgramText(text)
  if (!check.ok) {
    for (const problem of check.problems) err(formatProblem(file, problem))
    return 1
  }
  if (command === 'validate') {
    out(`${file}: valid program "${check.program.id}" version ${check.program.version}.`)
    return 0
  }

  const key = values.key ?? env.CAIRN_API_KEY
  if (!key) {
    err('cairn preview needs the API key: --key <key> or CAIRN_API_KEY.')
    return 2
  }
  const url = values.url ?? env.CAIRN_URL ?? 'http://localhost:8787'
  let answer: Awaited<ReturnType<typeof requestPreview>>
  try {
    answer = await requestPreview({ url, key }, check.definition)
  } catch (error) {
    err(`Cannot reach ${url}: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
  if (!answer.ok) {
    for (const line of answer.lines) err(line)
    return 1
  }
  if (values.json) out(JSON.stringify(answer.preview, null, 2))
  else for (const line of formatPreview(answer.preview)) out(line)
  return 0
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      key: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
}

const code = await run(process.argv.slice(2), process.env, (line) => console.log(line), (line) => console.error(line))
process.exitCode = code
