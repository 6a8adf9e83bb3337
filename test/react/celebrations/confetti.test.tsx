import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { CELEBRATION_CHUNK } from '../../../src/react/celebrations/celebration-host'
import { createFakeSource, installReducedMotion, levelCelebration, milestoneCelebration, renderLayer } from './harness'

const confetti = vi.hoisted(() => {
  const burst = vi.fn(() => null)
  const create = vi.fn(() => Object.assign(burst, { reset: vi.fn() }))
  return { burst, create }
})
vi.mock('canvas-confetti', () => ({ default: { create: confetti.create } }))

const TEN_MINUTES = 10 * 60_000

let media: ReturnType<typeof installReducedMotion>
// Like a page where the first celebration already loaded the chunk.
beforeAll(async () => {
  await CELEBRATION_CHUNK.load()
})
beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true })
  confetti.burst.mockClear()
  confetti.create.mockClear()
})
afterEach(() => {
  vi.useRealTimers()
  media.restore()
})

/** The open dialog, its panel wrapped in the animated frame. */
async function openDialog() {
  const dialog = await screen.findByRole('dialog', { name: 'You did it!' })
  expect(dialog.querySelector('[data-cairn-celebration-frame] [data-cairn-celebration-panel]')).not.toBeNull()
  return dialog
}

describe('confetti', () => {
  it('bursts once from the level-up dialog, on a canvas inside it (so it shares the top layer)', async () => {
    media = installReducedMotion(false)
    renderLayer(createFakeSource([levelCelebration()]), { strict: true })
    const dialog = await openDialog()
    await waitFor(() => expect(confetti.burst).toHaveBeenCalledTimes(1))

    const canvas = dialog.querySelector('canvas[data-cairn-confetti]')
    expect(canvas).toHaveAttribute('aria-hidden', 'true')
    expect(confetti.create).toHaveBeenCalledWith(canvas, expect.anything())
  })

  it('never fires under prefers-reduced-motion, though the dialog still opens', async () => {
    media = installReducedMotion(true)
    renderLayer(createFakeSource([levelCelebration()]))
    const dialog = await openDialog()
    expect(dialog).toHaveTextContent('Level complete: Getting started')
    expect(confetti.burst).not.toHaveBeenCalled()
  })

  it('does not fire for a modal milestone (style modal, not confetti)', async () => {
    media = installReducedMotion(false)
    renderLayer(createFakeSource([milestoneCelebration('invite-teammate', 'modal')]))
    await openDialog()
    expect(confetti.burst).not.toHaveBeenCalled()
  })

  it('reads the preference live at each celebration', async () => {
    media = installReducedMotion(true)
    const fake = createFakeSource([levelCelebration('getting-started')])
    renderLayer(fake)
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    await openDialog()
    expect(confetti.burst).not.toHaveBeenCalled()
    await user.click(screen.getByRole('button', { name: 'Keep going' }))

    act(() => media.set(false))
    act(() => vi.advanceTimersByTime(TEN_MINUTES))
    act(() => fake.achieve(levelCelebration('power-user')))
    expect(await openDialog()).toHaveTextContent('Level complete: Power user')
    await waitFor(() => expect(confetti.burst).toHaveBeenCalledTimes(1))

    await user.click(screen.getByRole('button', { name: 'Keep going' }))
    act(() => media.set(true))
    act(() => vi.advanceTimersByTime(TEN_MINUTES))
    act(() => fake.achieve({ ...levelCelebration('getting-started'), id: 'level:again', refId: 'getting-started' }))
    await openDialog()
    expect(confetti.burst).toHaveBeenCalledTimes(1)
  })
})
