import { describe, expect, it } from 'vitest'
import { CairnError } from '../../src/client'
import { backoffDelay, isRetryable, parseRetryAfter, withRetry, HttpError, DEFAULT_RETRY } from '../../src/client/http/retry'

const NOW = Date.parse('2026-05-01T12:00:00.000Z')

describe('backoffDelay', () => {
  it('waits a random share of an exponentially growing ceiling (full jitter)', () => {
    const options = { retries: 4, baseMs: 500, maxMs: 15_000 }
    expect(backoffDelay(0, options, () => 0.5)).toBe(250)
    expect(backoffDelay(3, options, () => 0.5)).toBe(2000)
    expect(backoffDelay(0, options, () => 0)).toBe(0)
  })

  it('never waits longer than maxMs however many attempts failed', () => {
    expect(backoffDelay(20, { retries: 30, baseMs: 500, maxMs: 15_000 }, () => 0.999)).toBeLessThan(15_000)
  })
})

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('3', NOW)).toBe(3000)
  })

  it('reads an HTTP-date as the time left until it', () => {
    expect(parseRetryAfter(new Date(NOW + 7000).toUTCString(), NOW)).toBe(7000)
  })

  it('treats a date in the past as "now" and garbage as no hint', () => {
    expect(parseRetryAfter(new Date(NOW - 7000).toUTCString(), NOW)).toBe(0)
    expect(parseRetryAfter('soon', NOW)).toBeUndefined()
    expect(parseRetryAfter(null, NOW)).toBeUndefined()
  })
})

describe('isRetryable', () => {
  it('retries network failures, 5xx and 429 only', () => {
    expect(isRetryable(new CairnError('network', 'down'))).toBe(true)
    expect(isRetryable(new CairnError('http', 'busy', 503))).toBe(true)
    expect(isRetryable(new CairnError('http', 'slow down', 429))).toBe(true)
    expect(isRetryable(new CairnError('http', 'bad', 400))).toBe(false)
    expect(isRetryable(new CairnError('http', 'forbidden', 403))).toBe(false)
    expect(isRetryable(new CairnError('invalid_response', 'garbage', 200))).toBe(false)
    expect(isRetryable(new Error('plain'))).toBe(false)
  })
})

describe('withRetry', () => {
  it('gives up after the configured number of retries with the last error', async () => {
    let attempts = 0
    const failing = async () => {
      attempts++
      throw new CairnError('http', `attempt ${attempts}`, 500)
    }
    await expect(withRetry(failing, { ...DEFAULT_RETRY, retries: 2 }, { random: () => 0, sleep: async () => {}, now: () => NOW })).rejects.toThrow('attempt 3')
    expect(attempts).toBe(3)
  })

  it('stops at once when the server asks for a wait longer than a minute', async () => {
    let attempts = 0
    const throttled = async () => {
      attempts++
      throw new HttpError('http', 'come back later', 429, undefined, 3_600_000)
    }
    await expect(withRetry(throttled, DEFAULT_RETRY, { random: () => 0, sleep: async () => {}, now: () => NOW })).rejects.toMatchObject({ status: 429 })
    expect(attempts).toBe(1)
  })
})
