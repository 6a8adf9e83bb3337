import type { Program } from '../../core'

/**
 * One `make(program)` per program version object, created on first use: helpers built around a program (an
 * assigner, the accounts view) follow the active version without being rebuilt per request.
 */
export function perVersion<T>(make: (program: Program) => T): (program: Program) => T {
  const made = new WeakMap<Program, T>()
  return (program) => {
    let value = made.get(program)
    if (value === undefined) made.set(program, (value = make(program)))
    return value
  }
}
