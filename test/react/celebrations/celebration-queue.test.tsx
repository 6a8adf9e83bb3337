import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { badgeCelebration, createFakeSource, levelCelebration, milestoneCelebration, renderLayer, useReducedMotionPerTest } from './harness'

vi.mock('canvas-confetti', () => ({ default: { create: () => Object.assign(() => null, { reset: () => {} }) } }))

const MINUTE = 60_000

useReducedMotionPerTest({ fakeTimers: true })

const setup = () => userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
const toasts = () => within(screen.getByRole('region', { name: 'Celebrations' })).queryAllByRole('status')

describe('celebration queue', () => {
  it('shows one modal at a time and holds the rest until it closes', async () => {
    const fake = createFakeSource([levelCelebration('getting-started'), levelCelebration('power-user'), milestoneCelebration('invite-teammate')])
    renderLayer(fake)
    const user = setup()

    expect(await screen.findByRole('dialog', { name: 'You did it!' })).toHaveTextContent('Level complete: Getting started')
    expect(screen.getAllByRole('dialog')).toHaveLength(1)
    expect(toasts()).toHaveLength(0)

    await user.click(screen.getByRole('button', { name: 'Keep going' }))

    // Inside the cooldown the second level-up is a toast, listed before the milestone (level > milestone).
    await waitFor(() => expect(toasts()).toHaveLength(2))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(toasts().map((t) => t.textContent)).toEqual([
      expect.stringContaining('Level complete: Power user'),
      expect.stringContaining('Milestone unlocked: Invite a teammate'),
    ])
  })

  it('turns a second level-up within 10 minutes into a toast, and allows a modal again after', async () => {
    const fake = createFakeSource([levelCelebration('getting-started')])
    renderLayer(fake)
    const user = setup()
    await user.click(await screen.findByRole('button', { name: 'Keep going' }))

    act(() => vi.advanceTimersByTime(5 * MINUTE))
    act(() => fake.achieve(levelCelebration('power-user')))
    await waitFor(() => expect(toasts()).toHaveLength(1))
    expect(toasts()[0]).toHaveTextContent('Level complete: Power user')
    expect(screen.queryByRole('dialog')).toBeNull()

    act(() => vi.advanceTimersByTime(10 * MINUTE))
    act(() => fake.achieve({ ...milestoneCelebration('connect-data', 'modal') }))
    expect(await screen.findByRole('dialog', { name: 'You did it!' })).toHaveTextContent('Milestone unlocked: Connect a data source')
  })

  it('merges simultaneous achievements into one "3 milestones unlocked" toast', async () => {
    const fake = createFakeSource([
      milestoneCelebration('create-project'),
      milestoneCelebration('invite-teammate'),
      milestoneCelebration('first-report'),
    ])
    renderLayer(fake)

    await waitFor(() => expect(toasts()).toHaveLength(1))
    expect(toasts()[0]).toHaveTextContent('3 milestones unlocked')
    for (const title of ['Create a project', 'Invite a teammate', 'Generate a report']) expect(toasts()[0]).toHaveTextContent(title)
  })

  it('celebrates the level before a milestone that arrived with it', async () => {
    const fake = createFakeSource([milestoneCelebration('invite-teammate', 'modal', 10), levelCelebration('getting-started')])
    renderLayer(fake)
    const dialog = await screen.findByRole('dialog')
    expect(dialog).toHaveAttribute('data-cairn-celebration', 'level:getting-started')
  })

  it('folds the level badge into the dialog and acknowledges it silently', async () => {
    const fake = createFakeSource([levelCelebration(), badgeCelebration()])
    renderLayer(fake)
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByText('Team player')).toBeInTheDocument()
    expect(within(dialog).getByText('Shared dashboards')).toBeInTheDocument()
    await waitFor(() => expect(fake.ackCalls.sort()).toEqual(['badge:team-player', 'level:getting-started']))
    expect(toasts()).toHaveLength(0)
  })

  it('acknowledges every celebration exactly once and never shows it again after a reload', async () => {
    const fake = createFakeSource([levelCelebration(), milestoneCelebration('first-report'), milestoneCelebration('connect-data', 'none')])
    const first = renderLayer(fake, { strict: true })
    const user = setup()
    await user.click(await screen.findByRole('button', { name: 'Keep going' }))
    await waitFor(() => expect(toasts()).toHaveLength(1))
    first.rerender(<></>)
    first.unmount()

    expect([...fake.ackCalls].sort()).toEqual(['level:getting-started', 'milestone:connect-data', 'milestone:first-report'])

    // "Reload": a new provider over the same source.
    renderLayer(fake)
    await waitFor(() => expect(screen.getByRole('region', { name: 'Celebrations' })).toBeInTheDocument())
    act(() => vi.advanceTimersByTime(1_000))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(toasts()).toHaveLength(0)
    expect(fake.ackCalls).toHaveLength(3)
  })

  it('reports celebration_shown and celebration_dismissed to onEvent', async () => {
    const onEvent = vi.fn()
    const fake = createFakeSource([levelCelebration()])
    renderLayer(fake, { onEvent })
    const user = setup()
    await user.click(await screen.findByRole('button', { name: 'Keep going' }))

    const names = onEvent.mock.calls.map(([name]) => name).filter((name: string) => name.startsWith('celebration_'))
    expect(names).toEqual(['celebration_shown', 'celebration_dismissed'])
    expect(onEvent).toHaveBeenCalledWith('celebration_shown', expect.objectContaining({ celebration_id: 'level:getting-started', kind: 'level', style: 'modal' }))
  })
})
