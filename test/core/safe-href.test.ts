import { describe, expect, it } from 'vitest'
import { isSafeHref, parseProgram, type Program } from '../../src/core'

describe('isSafeHref', () => {
  it.each([
    ['https://taskly.example/automations'],
    ['http://taskly.example'],
    ['HTTPS://TASKLY.EXAMPLE'],
    ['/projects/new'],
    ['projects/new'],
    ['./tasks'],
    ['../tasks'],
    ['?filter=open'],
    ['#next-step'],
  ])('accepts %j', (href) => {
    expect(isSafeHref(href)).toBe(true)
  })

  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['java\tscript:alert(1)'],
    ['java\nscript:alert(1)'],
    ['\u0001javascript:alert(1)'],
    ['\u0000 javascript:alert(1)'],
    [' \u007fjavascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
    ['file:///etc/passwd'],
    ['mailto:someone@example.com'],
    ['//evil.com'],
    ['\\\\evil.com'],
    ['/\\evil.com'],
    ['\\/evil.com'],
    [' //evil.com'],
    ['/\t/evil.com'],
    [''],
    [' \t\n'],
  ])('rejects %j', (href) => {
    expect(isSafeHref(href)).toBe(false)
  })
})

function programWithHref(href: string): Program {
  return {
    id: 'p',
    version: '1',
    title: 'P',
    milestones: [
      {
        id: 'm',
        title: 'M',
        category: 'onboarding',
        criterion: { kind: 'count', event: 'e', atLeast: 1 },
        cta: { label: 'Go', href },
      },
    ],
    levels: [],
    badges: [],
  }
}

describe('parseProgram CTA hrefs', () => {
  it.each([['javascript:alert(1)'], ['JaVaScRiPt:alert(1)'], ['java\tscript:alert(1)'], ['\u0001javascript:x'], ['data:text/html,x'], ['vbscript:x'], ['//evil.com'], ['\\\\evil.com']])(
    'rejects a CTA pointing at %j with the path of the href',
    (href) => {
      expect(parseProgram(programWithHref(href))).toEqual({
        ok: false,
        errors: [{ path: 'milestones[0].cta.href', message: 'must be an http(s) or relative URL' }],
      })
    },
  )

  it.each([['https://taskly.example/a'], ['http://taskly.example'], ['/projects/new'], ['projects/new'], ['?q=1'], ['#x']])('accepts a CTA pointing at %j', (href) => {
    expect(parseProgram(programWithHref(href)).ok).toBe(true)
  })
})
