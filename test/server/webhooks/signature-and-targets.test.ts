import { checkTarget, isPrivateAddress, signatureHeader, verifyWebhookSignature } from '../../../src/server/webhooks'

const SECRET = 'whsec_test_0123456789abcdef'
const AT = new Date('2026-03-10T12:00:00.000Z')

describe('Cairn-Signature', () => {
  const body = '{"id":"evt_1","type":"milestone.achieved"}'

  it('signs "<t>.<raw body>" with HMAC-SHA256 in the documented header format', () => {
    expect(signatureHeader(SECRET, body, AT)).toMatch(/^t=1773144000,v1=[0-9a-f]{64}$/)
  })

  it('verifies its own signature and refuses a changed body, another secret or an old timestamp', () => {
    const header = signatureHeader(SECRET, body, AT)
    expect(verifyWebhookSignature(SECRET, body, header, { now: AT })).toBe(true)
    expect(verifyWebhookSignature(SECRET, body.replace('1', '2'), header, { now: AT })).toBe(false)
    expect(verifyWebhookSignature('whsec_other_0123456789abcdef', body, header, { now: AT })).toBe(false)
    expect(verifyWebhookSignature(SECRET, body, header, { now: new Date(AT.getTime() + 10 * 60_000) })).toBe(false)
    expect(verifyWebhookSignature(SECRET, body, 't=abc,v1=zz', { now: AT })).toBe(false)
  })
})

describe('webhook targets (SSRF)', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1'])(
    'treats %s as private',
    (address) => expect(isPrivateAddress(address)).toBe(true),
  )

  it.each(['93.184.216.34', '2606:4700::1111', '8.8.8.8'])('treats %s as public', (address) => expect(isPrivateAddress(address)).toBe(false))

  it('refuses plain http, loopback and private literals unless private targets are allowed', async () => {
    expect(await checkTarget('http://93.184.216.34/hook', false)).toMatch(/https/)
    expect(await checkTarget('https://127.0.0.1/hook', false)).toMatch(/private/)
    expect(await checkTarget('https://[::1]/hook', false)).toMatch(/private/)
    expect(await checkTarget('https://localhost/hook', false)).toMatch(/private/)
    expect(await checkTarget('http://127.0.0.1:9/hook', true)).toBeUndefined()
  })

  it('refuses what is not an http(s) URL, and credentials in the URL', async () => {
    expect(await checkTarget('ftp://example.com/x', true)).toMatch(/https/)
    expect(await checkTarget('not a url', true)).toMatch(/absolute URL/)
    expect(await checkTarget('https://user:pw@example.com/x', true)).toMatch(/credentials/)
  })

  it('accepts a public https address', async () => {
    expect(await checkTarget('https://93.184.216.34/hook', false)).toBeUndefined()
  })
})
