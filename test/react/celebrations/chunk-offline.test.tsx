import { act, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { CELEBRATION_CHUNK } from '../../../src/react/celebrations/celebration-host'
import { createFakeSource, levelCelebration, milestoneCelebration, renderLayer, useReducedMotionPerTest } from './harness'

// The celebration chunk cannot load (offline, or a deploy removed the old file).
vi.mock('../../../src/react/celebrations/celebration-chunk', () => {
  throw new Error('Failed to fetch dynamically imported module')
})

useReducedMotionPerTest()

describe('celebration layer without its chunk', () => {
  it('shows nothing and acknowledges nothing, so the moment comes back on a later visit', async () => {
    const fake = createFakeSource([levelCelebration(), milestoneCelebration('first-report')])
    renderLayer(fake, { children: <p>Host page</p> })
    await act(() => CELEBRATION_CHUNK.load())
    expect(screen.getByText('Host page')).toBeInTheDocument()
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.querySelector('[data-cairn-celebrations]')).toBeNull()
    expect(fake.ackCalls).toEqual([])
  })
})
