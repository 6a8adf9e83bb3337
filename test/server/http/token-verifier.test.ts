// A remembered token skips its signature and claim checks, never its time checks: at every moment, a verifier that
// accepted the token before answers exactly what a full verification answers.
import { SignJWT } from 'jose'
import { createUserTokenVerifier, secretKey, verifyUserToken } from '../../../src/server/auth/user-token'

const KEY = secretKey('token-verifier-secret-0123456789abcdefghij')
const ISSUED = new Date('2026-03-10T12:00:00.000Z')
const S = 1000

async function signed(claims: { iat?: number; nbf?: number; exp: number }): Promise<string> {
  const jwt = new SignJWT({ signedUpAt: '2026-03-01T09:00:00.000Z', traits: { plan: 'team' } }).setProtectedHeader({ alg: 'HS256' }).setSubject('ana').setExpirationTime(claims.exp)
  if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat)
  if (claims.nbf !== undefined) jwt.setNotBefore(claims.nbf)
  return jwt.sign(KEY)
}

/** What a verification says: the user id, or the error's code and message. */
const outcome = (verifying: Promise<{ userId: string }>) =>
  verifying.then(
    (subject) => ({ ok: subject.userId }),
    (error: { code?: string; message: string }) => ({ code: error.code, message: error.message }),
  )

describe('user token verifier', () => {
  const issuedS = ISSUED.getTime() / S
  const cases: Record<string, { iat?: number; nbf?: number; exp: number }> = {
    'expiry and issued-at': { iat: issuedS, exp: issuedS + 3600 },
    'not before, ten minutes in': { iat: issuedS, nbf: issuedS + 600, exp: issuedS + 3600 },
    'no issued-at': { exp: issuedS + 3600 },
  }
  // Around every boundary: not-before and issued-at (minus the 30 s tolerance), expiry (plus it), lifetime from far back.
  const offsetsS = [-7200, -3631, -3629, -31, -29, 0, 569, 571, 631, 1800, 3599, 3600, 3629, 3630, 3631, 7200]

  for (const [name, claims] of Object.entries(cases)) {
    it(`answers a remembered token like a full verification at every moment (${name})`, async () => {
      const token = await signed(claims)
      const verify = createUserTokenVerifier(KEY, 3600)
      const accepted = new Date((claims.nbf ?? issuedS) * S + 60 * S)
      expect(await outcome(verify(token, accepted))).toEqual({ ok: 'ana' })
      for (const offset of offsetsS) {
        const now = new Date(ISSUED.getTime() + offset * S)
        expect({ offset, ...(await outcome(verify(token, now))) }).toEqual({ offset, ...(await outcome(verifyUserToken(token, KEY, now, 3600))) })
      }
    })
  }

  it('remembers only what it accepted: a token refused once is checked in full again', async () => {
    const token = await signed({ iat: issuedS, nbf: issuedS + 600, exp: issuedS + 3600 })
    const verify = createUserTokenVerifier(KEY, 3600)
    expect(await outcome(verify(token, ISSUED))).toMatchObject({ code: 'invalid_token' })
    expect(await outcome(verify(token, new Date(ISSUED.getTime() + 700 * S)))).toEqual({ ok: 'ana' })
    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`
    expect(await outcome(verify(forged, new Date(ISSUED.getTime() + 700 * S)))).toMatchObject({ code: 'invalid_token' })
  })

  it('hands out a subject no request can change for the next one', async () => {
    const token = await signed({ iat: issuedS, exp: issuedS + 3600 })
    const verify = createUserTokenVerifier(KEY, 3600)
    const first = await verify(token, ISSUED)
    expect(Object.isFrozen(first) && Object.isFrozen(first.traits)).toBe(true)
    expect(await verify(token, ISSUED)).toEqual({ userId: 'ana', signedUpAt: '2026-03-01T09:00:00.000Z', traits: { plan: 'team' } })
  })
})
