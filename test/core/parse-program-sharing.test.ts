import { describe, expect, it } from 'vitest'
import { parseProgram } from '../../src/core'

const base = {
  id: 'sample', version: '1', title: 'Sample',
  milestones: [{ id: 'first', title: 'First', category: 'onboarding', criterion: { kind: 'count', event: 'created', atLeast: 1 } }],
  levels: [], badges: [],
}

function errorsOf(sharing: unknown) {
  const result = parseProgram({ ...base, sharing })
  if (result.ok) throw new Error('expected the program to be rejected')
  return result.errors
}

describe('Program.sharing (DESIGN §7.5)', () => {
  it('is optional, and accepted with a product name and an http(s) product URL', () => {
    expect(parseProgram(base).ok).toBe(true)
    const result = parseProgram({ ...base, sharing: { enabled: true, productName: 'Taskly', productUrl: 'https://taskly.example/' } })
    expect(result.ok && result.program.sharing).toEqual({ enabled: true, productName: 'Taskly', productUrl: 'https://taskly.example/' })
  })

  it('names the bad field precisely', () => {
    expect(errorsOf({ enabled: true, productName: 'Taskly', productUrl: 'javascript:alert(1)' })).toEqual([
      { path: 'sharing.productUrl', message: 'must be an absolute http(s) URL' },
    ])
    expect(errorsOf({ enabled: true, productName: 'Taskly', productUrl: '/relative' })).toEqual([
      { path: 'sharing.productUrl', message: 'must be an absolute http(s) URL' },
    ])
    expect(errorsOf({ enabled: true, productName: '' })).toEqual([{ path: 'sharing.productName', message: 'must be a non-empty string' }])
    expect(errorsOf({ enabled: 'yes', productName: 'Taskly' })).toEqual([{ path: 'sharing.enabled', message: 'must be true or false' }])
    expect(errorsOf({ enabled: true, productName: 'Taskly', extra: 1 })[0]?.path).toMatch(/^sharing/)
  })
})
