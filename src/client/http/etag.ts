import type { Program } from '../../core'
import { CairnError } from '../source'
import type { HttpClient } from './request'
import { validateProgram, type LeftOutReporter } from '../validate'

/**
 * Loads `GET /v1/program` with `If-None-Match`: the program changes only when its version does, so a
 * reload usually costs a 304 and keeps the program (and every object in it) we already hold.
 */
export function createProgramLoader(client: HttpClient): (signal?: AbortSignal, onLeftOut?: LeftOutReporter) => Promise<Program> {
  let cached: { etag: string; program: Program } | null = null

  return async (signal, onLeftOut) => {
    const response = await client.request('/v1/program', {
      ...(cached && { headers: { 'If-None-Match': cached.etag } }),
      ...(signal && { signal }),
    })
    if (response.status === 304) {
      if (cached) return cached.program
      throw new CairnError('invalid_response', 'The server answered 304 for a program we never received', 304)
    }
    const program = validateProgram(response.body, onLeftOut)
    const etag = response.headers.get('ETag')
    cached = etag ? { etag, program } : null
    return program
  }
}
