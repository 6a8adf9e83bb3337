import { parseProgram, type LocalizedProgram, type ValidationError } from '../core'
import { JsonSyntaxError, jsonPositions, positionOf, type Position } from './json-positions'

/** One problem in a program file, located by path and (when known) by line and column. */
export interface FileProblem extends ValidationError {
  position?: Position
}

/** A program file checked: the program as written, or every problem found. */
export type FileCheck = { ok: true; definition: unknown; program: LocalizedProgram } | { ok: false; problems: FileProblem[] }

/** Checks a program file's text exactly as the server would, and locates every problem in the file. */
export function checkProgramText(raw: string): FileCheck {
  const text = raw.replace(/^\uFEFF/, '') // editors on Windows like to start files with a byte-order mark
  let positions: Map<string, Position>
  try {
    positions = jsonPositions(text)
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, problems: [{ path: '', message: `is not valid JSON: ${error.message}`, position: error.position }] }
    throw error
  }
  const definition = JSON.parse(text) as unknown
  const parsed = parseProgram(definition)
  if (parsed.ok) return { ok: true, definition, program: parsed.source }
  return {
    ok: false,
    problems: parsed.errors.map((error) => {
      const position = positionOf(positions, error.path)
      return position ? { ...error, position } : error
    }),
  }
}

/** `path: message (file:line:column)`, one line per problem; the root is named `(root)`. */
export function formatProblem(file: string, problem: FileProblem): string {
  const where = problem.position ? ` (${file}:${problem.position.line}:${problem.position.column})` : ''
  return `${problem.path || '(root)'}: ${problem.message}${where}`
}
