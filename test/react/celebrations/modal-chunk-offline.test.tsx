import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { createFakeSource, levelCelebration, renderLayer, useReducedMotionPerTest } from './harness'

// The dialog's own chunk cannot load (offline, or a deploy removed the old file).
vi.mock('../../../src/react/celebrations/celebration-modal', () => {
  throw new Error('Failed to fetch dynamically imported module')
})

useReducedMotionPerTest()

describe('celebration layer without its dialog chunk', () => {
  it('shows the big moment as a toast instead, and acknowledges it once', async () => {
    const onEvent = vi.fn()
    const fake = createFakeSource([levelCelebration()])
    renderLayer(fake, { onEvent })
    const region = await screen.findByRole('region', { name: 'Celebrations' })
    await waitFor(() => expect(within(region).getByRole('status')).toHaveTextContent('Level complete: Getting started'))
    expect(screen.queryByRole('dialog')).toBeNull()

    await userEvent.setup().click(within(region).getByRole('button', { name: 'Dismiss' }))
    expect(within(region).queryByRole('status')).toBeNull()
    expect(fake.ackCalls).toEqual(['level:getting-started'])
    expect(onEvent).toHaveBeenCalledWith('celebration_dismissed', expect.objectContaining({ celebration_id: 'level:getting-started' }))
  })
})
