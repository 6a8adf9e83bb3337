// Hostile inputs, written as raw JSON text so that lone surrogates, NUL and `__proto__` keys reach the server
// exactly as an attacker (or a buggy sender) would send them — a JS object literal would lose `__proto__`.

/** JSON text of a string; lone surrogates come out as `\udXXX` escapes, which JSON.parse turns back into them. */
export const q = (value: string): string => JSON.stringify(value)

/** A hostile event: the fields as JSON text (so each can be any text at all) and what the server must answer. */
export interface HostileEvent {
  title: string
  /** Builds the event's JSON text for a user, with `name` unless the case is about the name. */
  json: (userId: string, name: string) => string
  /** The rejection code for this event's index. */
  code: string
  /** The rejection message names the field and the rule. */
  message: RegExp
  /** Through `/v1/me/events`, when the user-token rules answer first (an account that is not the token's). */
  viaUserToken?: { code: string } | 'too_large'
}

const HOUR_AGO = '2026-03-10T11:00:00.000Z'

/** An event's JSON text with some fields replaced by raw JSON text. */
export function eventJson(userId: string, name: string, replace: Partial<Record<'id' | 'name' | 'userId' | 'accountId' | 'timestamp' | 'properties', string>> = {}): string {
  const fields: Record<string, string> = {
    id: q(`hostile-${Math.random().toString(36).slice(2)}`),
    name: q(name),
    userId: q(userId),
    timestamp: q(HOUR_AGO),
    ...replace,
  }
  return `{${Object.entries(fields).map(([key, text]) => `${q(key)}:${text}`).join(',')}}`
}

const bad = (
  title: string,
  replace: (userId: string) => Parameters<typeof eventJson>[2],
  message: RegExp,
  code = 'invalid_event',
  viaUserToken?: HostileEvent['viaUserToken'],
): HostileEvent => ({
  title,
  json: (userId, name) => eventJson(userId, name, replace(userId)),
  code,
  message,
  ...(viaUserToken && { viaUserToken }),
})

const manyProperties = `{${Array.from({ length: 51 }, (_, i) => `${q(`p${i}`)}:${i}`).join(',')}}`

export const HOSTILE_EVENTS: HostileEvent[] = [
  bad('a lone high surrogate in the name', () => ({ name: q('x\ud800') }), /^name .*unpaired surrogate/, 'invalid_event', { code: 'not_client_trackable' }),
  bad('a lone low surrogate in a property value', () => ({ properties: `{"feature":${q('\udc00board')}}` }), /^properties\.feature .*unpaired surrogate/),
  bad('a lone surrogate in a property name', () => ({ properties: `{${q('f\ud801')}:"x"}` }), /^properties\.f.* key .*unpaired surrogate/),
  bad('a NUL in the id', () => ({ id: q('id\u0000x') }), /^id must not contain NUL/),
  bad('a NUL in a property name', () => ({ properties: `{${q('a\u0000b')}:1}` }), /key must not contain NUL/),
  bad('a NUL in the account id', () => ({ accountId: q('acct\u0000') }), /^accountId must not contain NUL/, 'invalid_event', { code: 'forbidden' }),
  bad('a NUL in a property value', () => ({ properties: `{"feature":${q('x\u0000')}}` }), /^properties\.feature must not contain NUL/),
  bad('a timestamp before year 1', () => ({ timestamp: q('-000001-01-01T00:00:00Z') }), /^timestamp must be an RFC 3339/),
  bad('year 0000', () => ({ timestamp: q('0000-12-31T23:59:59Z') }), /^timestamp must lie between 1970-01-01 and 9999-12-31/),
  bad('a timestamp of "1"', () => ({ timestamp: q('1') }), /^timestamp must be an RFC 3339 timestamp/),
  bad('a timestamp of "March 7"', () => ({ timestamp: q('March 7') }), /^timestamp must be an RFC 3339 timestamp/),
  bad('February 30th', () => ({ timestamp: q('2024-02-30T00:00:00Z') }), /^timestamp is not a real calendar date/),
  bad('February 29th of a common year', () => ({ timestamp: q('2023-02-29T00:00:00Z') }), /^timestamp is not a real calendar date/),
  bad('month 13', () => ({ timestamp: q('2024-13-01T00:00:00Z') }), /^timestamp is not a real calendar date/),
  bad('hour 25', () => ({ timestamp: q('2024-01-01T25:00:00Z') }), /^timestamp is not a real time of day/),
  bad('a date without a time', () => ({ timestamp: q('2024-01-01') }), /^timestamp must be an RFC 3339/),
  bad('a time without an offset', () => ({ timestamp: q('2024-01-01T00:00:00') }), /^timestamp must be an RFC 3339/),
  bad('an offset of +24:00', () => ({ timestamp: q('2024-01-01T00:00:00+24:00') }), /^timestamp has an impossible UTC offset/),
  bad('an RFC 2822 date', () => ({ timestamp: q('Sun, 10 Mar 2024 12:00:00 GMT') }), /^timestamp must be an RFC 3339/),
  bad('a timestamp before 1970', () => ({ timestamp: q('1969-12-31T23:59:59Z') }), /^timestamp must lie between/),
  bad('a six-digit year', () => ({ timestamp: q('+275760-09-13T00:00:00Z') }), /^timestamp must be an RFC 3339/),
  bad('a timestamp as a number', () => ({ timestamp: '1700000000' }), /^timestamp /),
  bad('a timestamp an hour in the future', () => ({ timestamp: q('2026-03-10T13:00:00Z') }), /more than 5 minutes in the future/, 'future_timestamp'),
  bad('a __proto__ property', () => ({ properties: '{"__proto__":{"polluted":true},"feature":"x"}' }), /^properties\.__proto__ uses the reserved key/),
  bad('a __proto__ property holding a scalar', () => ({ properties: '{"__proto__":"x"}' }), /^properties\.__proto__ uses the reserved key/),
  bad('51 properties', () => ({ properties: manyProperties }), /^properties must have at most 50 entries/),
  bad('a 101-character property name', () => ({ properties: `{${q('k'.repeat(101))}:1}` }), /names must be at most 100 characters/),
  bad('a 1001-character property value', () => ({ properties: `{"note":${q('v'.repeat(1001))}}` }), /^properties\.note must be at most 1000 characters/),
  bad('a 900 KB property value', () => ({ properties: `{"blob":${q('b'.repeat(900 * 1024))}}` }), /^properties\.blob must be at most 1000 characters/, 'invalid_event', 'too_large'),
  bad('a nested property', () => ({ properties: '{"a":{"b":1}}' }), /^properties\.a /),
  bad('a 201-character account id', () => ({ accountId: q('a'.repeat(201)) }), /^accountId must be at most 200 characters/, 'invalid_event', { code: 'forbidden' }),
  bad('a 201-character id', () => ({ id: q('i'.repeat(201)) }), /^id must be at most 200 characters/),
  bad('an empty name', () => ({ name: q('') }), /^name must be a non-empty string/, 'invalid_event', { code: 'not_client_trackable' }),
  { title: 'null instead of an event', json: () => 'null', code: 'invalid_event', message: /object/ },
  { title: 'an array instead of an event', json: () => '[]', code: 'invalid_event', message: /object/ },
  { title: 'an unknown field', json: (userId, name) => eventJson(userId, name).replace(/}$/, ',"extra":1}'), code: 'invalid_event', message: /unknown key "extra"/ },
]
