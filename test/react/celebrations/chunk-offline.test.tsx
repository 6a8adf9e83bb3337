import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { createFakeSource, levelCelebration, renderLayer, useReducedMotionPerTest } from './harness'

// The animation chunk cannot load (offline, or a deploy removed the old file).
vi.mock('../../../src/react/celebrations/celebration-chunk', () => {
  throw new Error('Failed to fetch dynamically imported module')
})

useReducedMotionPerTest()

describe('celebration layer without its animation chunk', () => {
  it('still opens the dialog, without animation, and closes it', async () => {
    const fake = createFakeSource([levelCelebration()])
    renderLayer(fake)
    const dialog = await screen.findByRole('dialog', { name: 'You did it!' })
    expect(dialog.closest('[data-cairn-celebration-frame]')).toBeNull()
    expect(screen.getByRole('button', { name: 'Keep going' })).toHaveFocus()

    await userEvent.setup().click(screen.getByRole('button', { name: 'Keep going' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(fake.ackCalls).toEqual(['level:getting-started'])
  })
})
