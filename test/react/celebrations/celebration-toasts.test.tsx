import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { CELEBRATION_CHUNK } from '../../../src/react/celebrations/celebration-host'
import { TOAST_DURATION_MS } from '../../../src/react/celebrations/celebration-toasts'
import { badgeCelebration, createFakeSource, milestoneCelebration, renderLayer, useReducedMotionPerTest } from './harness'

useReducedMotionPerTest({ fakeTimers: true })
// Loaded once up front, as after a page's first celebration: tests then wait on the queue, not on import().
beforeAll(() => CELEBRATION_CHUNK.load())

const region = () => screen.getByRole('region', { name: 'Celebrations' })
const toasts = () => within(region()).queryAllByRole('status')

describe('celebration toasts', () => {
  it('announces a milestone as a status in a polite live region', async () => {
    renderLayer(createFakeSource([milestoneCelebration('invite-teammate')]))
    await waitFor(() => expect(toasts()).toHaveLength(1))
    expect(region()).toHaveAttribute('aria-live', 'polite')
    expect(toasts()[0]).toHaveTextContent('🎉Milestone achieved: Invite a teammate')
    expect(toasts()[0]).toHaveAttribute('data-cairn-celebration', 'milestone:invite-teammate')
  })

  it("announces a teammate's account milestone as the team's, quietly", async () => {
    const team = { ...milestoneCelebration('invite-teammate'), id: 'team:invite-teammate', kind: 'team' as const }
    renderLayer(createFakeSource([team]))
    await waitFor(() => expect(toasts()).toHaveLength(1))
    expect(toasts()[0]).toHaveTextContent('🙌Your team just achieved: Invite a teammate')
    expect(toasts()[0]).toHaveAttribute('data-cairn-celebration', 'team:invite-teammate')
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('disappears by itself after about six seconds', async () => {
    renderLayer(createFakeSource([milestoneCelebration('invite-teammate')]))
    await waitFor(() => expect(toasts()).toHaveLength(1))
    act(() => vi.advanceTimersByTime(TOAST_DURATION_MS - 500))
    expect(toasts()).toHaveLength(1)
    act(() => vi.advanceTimersByTime(1_000))
    expect(toasts()).toHaveLength(0)
  })

  it('waits while the pointer rests on it, then finishes its time', async () => {
    renderLayer(createFakeSource([milestoneCelebration('invite-teammate')]))
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    await waitFor(() => expect(toasts()).toHaveLength(1))

    await user.hover(toasts()[0]!)
    act(() => vi.advanceTimersByTime(TOAST_DURATION_MS * 3))
    expect(toasts()).toHaveLength(1)

    await user.unhover(toasts()[0]!)
    act(() => vi.advanceTimersByTime(TOAST_DURATION_MS))
    expect(toasts()).toHaveLength(0)
  })

  it('waits while keyboard focus is inside it', async () => {
    renderLayer(createFakeSource([milestoneCelebration('invite-teammate')]))
    await waitFor(() => expect(toasts()).toHaveLength(1))
    act(() => within(toasts()[0]!).getByRole('button', { name: 'Dismiss' }).focus())
    act(() => vi.advanceTimersByTime(TOAST_DURATION_MS * 3))
    expect(toasts()).toHaveLength(1)
  })

  it('closes with its dismiss button and reports the dismissal', async () => {
    const onEvent = vi.fn()
    renderLayer(createFakeSource([badgeCelebration()]), { onEvent })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    await waitFor(() => expect(toasts()).toHaveLength(1))
    expect(toasts()[0]).toHaveTextContent('Badge earned: Team player')

    await user.click(within(toasts()[0]!).getByRole('button', { name: 'Dismiss' }))
    expect(toasts()).toHaveLength(0)
    expect(onEvent).toHaveBeenCalledWith('celebration_dismissed', expect.objectContaining({ celebration_id: 'badge:team-player' }))
  })

  it('shows at most three at once and brings in the next when one leaves', async () => {
    const fake = createFakeSource()
    renderLayer(fake)
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    await act(async () => {}) // the program has loaded
    // Arriving one by one (separate updates), so the policy does not merge them into a group.
    for (const id of ['create-project', 'invite-teammate', 'first-report', 'connect-data']) {
      act(() => fake.achieve(milestoneCelebration(id)))
    }
    await waitFor(() => expect(toasts()).toHaveLength(3))
    expect(fake.ackCalls).not.toContain('milestone:connect-data')

    await user.click(within(toasts()[0]!).getByRole('button', { name: 'Dismiss' }))
    await waitFor(() => expect(toasts()).toHaveLength(3))
    expect(toasts()[2]).toHaveTextContent('Connect a data source')
    expect(fake.ackCalls).toContain('milestone:connect-data')
  })
})
