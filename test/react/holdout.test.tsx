import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { Celebration, MeProgress } from '../../src/core'
import { validateMeProgress } from '../../src/client/validate'
import { CelebrationLayer, ProgressLauncher, ProgressWidget } from '../../src/react'
import { createFakeSource, gettingStarted, renderWithProvider } from './fixtures'

const toast: Celebration = {
  id: 'milestone:five-tasks', kind: 'milestone', refId: 'five-tasks', title: 'Add five tasks', style: 'toast', priority: 0, achievedAt: '2026-11-20T11:00:00.000Z',
}
const heldOut = (): MeProgress => ({ ...gettingStarted(), celebrations: [toast], holdout: true })
const subject = { userId: 'u1', accountId: 'a1' }

describe('the experiment holdout (DESIGN §7.6)', () => {
  it('renders no widget, no launcher and no celebration, and reports holdout_assigned once', async () => {
    const onEvent = vi.fn()
    const fake = createFakeSource(heldOut())
    const { container } = renderWithProvider(
      <>
        <p>Host content</p>
        <ProgressWidget />
        <ProgressLauncher />
        <CelebrationLayer />
      </>,
      fake,
      { onEvent, subject },
    )
    await waitFor(() => expect(onEvent).toHaveBeenCalledWith('holdout_assigned', expect.objectContaining({ user_id: 'u1', account_id: 'a1', experiment_id: null })))
    expect(screen.getByText('Host content')).toBeInTheDocument()
    expect(container.querySelector('[data-cairn-widget], [data-cairn-launcher], [data-cairn-celebration]')).toBeNull()
    expect(screen.queryByRole('region', { name: 'Celebrations' })).toBeNull()
    expect(fake.source.ackCelebration).not.toHaveBeenCalled()
    expect(onEvent).not.toHaveBeenCalledWith('widget_viewed', expect.anything())

    fake.push({ ...heldOut(), evaluatedAt: '2026-11-21T00:00:00.000Z' })
    expect(onEvent.mock.calls.filter(([name]) => name === 'holdout_assigned')).toHaveLength(1)
  })

  it('shows the widget as usual outside the holdout, without holdout_assigned', async () => {
    const onEvent = vi.fn()
    renderWithProvider(<ProgressWidget />, createFakeSource(), { onEvent, subject, celebrations: false })
    await screen.findByText('Level 1 · Getting started — 2 of 3')
    expect(onEvent).not.toHaveBeenCalledWith('holdout_assigned', expect.anything())
  })

  it('the client accepts the holdout flag and refuses a malformed one', () => {
    expect(validateMeProgress(heldOut()).holdout).toBe(true)
    expect(() => validateMeProgress({ ...heldOut(), holdout: 'yes' })).toThrow(/holdout/)
  })
})
