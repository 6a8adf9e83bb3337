import { createHash, timingSafeEqual } from 'node:crypto'

/**
 * Returns a matcher for the server's API key. Both sides are hashed first so the comparison takes the
 * same time whatever the length or content of the guess (`timingSafeEqual` needs equal lengths).
 */
export function apiKeyMatcher(apiKey: string): (candidate: string) => boolean {
  if (typeof apiKey !== 'string' || apiKey.length === 0) throw new TypeError('An API key is required.')
  const expected = sha256(apiKey)
  return (candidate) => timingSafeEqual(sha256(candidate), expected)
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest()
}
