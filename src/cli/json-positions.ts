/** 1-based line and column of a place in a text file. */
export interface Position {
  line: number
  column: number
}

/** Where a JSON text stops being JSON. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: Position,
  ) {
    super(message)
  }
}

/**
 * Where each value of a JSON document starts, keyed by the same paths `parseProgram` reports
 * (`milestones[3].criterion.atLeast`; the root is `''`). Throws `JsonSyntaxError` with the line and column of
 * the first character that breaks the JSON grammar (Node's own `JSON.parse` message has no position).
 */
export function jsonPositions(text: string): Map<string, Position> {
  const positions = new Map<string, Position>()
  const lineStarts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1)
  let at = 0
  const fail = (what: string, saysFound = true): never => {
    const found = at < text.length ? `"${text[at]}"` : 'the end of the file'
    throw new JsonSyntaxError(saysFound ? `${what}, found ${found}` : what, positionAt(lineStarts, at))
  }
  const skipSpace = () => {
    while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r')) at++
  }
  const expect = (ch: string, what: string) => {
    skipSpace()
    if (text[at] !== ch) fail(what)
    at++
  }
  const readString = (): string => {
    if (text[at] !== '"') fail('expected a string in double quotes')
    const start = at
    at++
    while (at < text.length && text[at] !== '"') {
      if (text.charCodeAt(at) < 0x20) fail('strings cannot hold a line break or control character (write \\n)', false)
      at += text[at] === '\\' ? 2 : 1
    }
    if (at >= text.length) fail('this string is never closed', false)
    at++
    try {
      return JSON.parse(text.slice(start, at)) as string
    } catch {
      at = start
      return fail('this string has an invalid escape', false)
    }
  }
  const value = (path: string): void => {
    skipSpace()
    positions.set(path, positionAt(lineStarts, at))
    const ch = text[at]
    if (ch === '{') {
      at++
      skipSpace()
      if (text[at] === '}') return void at++
      for (;;) {
        skipSpace()
        const key = readString()
        expect(':', 'expected ":" after the key')
        value(path === '' ? key : `${path}.${key}`)
        skipSpace()
        if (text[at] === '}') return void at++
        if (text[at] !== ',') fail('expected "," or "}"')
        at++
      }
    }
    if (ch === '[') {
      at++
      skipSpace()
      if (text[at] === ']') return void at++
      for (let index = 0; ; index++) {
        value(`${path}[${index}]`)
        skipSpace()
        if (text[at] === ']') return void at++
        if (text[at] !== ',') fail('expected "," or "]"')
        at++
      }
    }
    if (ch === '"') return void readString()
    const literal = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(at, at + 400))
    if (!literal) fail('expected a value')
    at += literal![0].length
  }

  value('')
  skipSpace()
  if (at < text.length) fail('expected the end of the file after the value')
  return positions
}

/**
 * The position of `path`, or of its nearest ancestor present in the file (a missing required field is reported
 * where its object starts). Undefined when not even the root is known.
 */
export function positionOf(positions: ReadonlyMap<string, Position>, path: string): Position | undefined {
  let current = path
  for (;;) {
    const found = positions.get(current)
    if (found || current === '') return found
    const parent = current.replace(/(\.[^.[\]]*|\[\d+\])$/, '')
    current = parent === current ? '' : parent
  }
}

function positionAt(lineStarts: readonly number[], offset: number): Position {
  let low = 0
  let high = lineStarts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (lineStarts[mid]! <= offset) low = mid
    else high = mid - 1
  }
  return { line: low + 1, column: offset - lineStarts[low]! + 1 }
}
