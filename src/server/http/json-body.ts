import type { Context } from 'hono'
import { ApiError } from './errors'

/** Parses the request body as JSON; malformed JSON is a 400 `invalid_json`, never a 500. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text()
  if (text.trim() === '') throw new ApiError(400, 'invalid_json', 'The request body must be JSON.')
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON.')
  }
}

/** True for a plain JSON object (not an array or null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
