import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { CELEBRATION_CHUNK } from '../../../src/react/celebrations/celebration-host'
import { badgeCelebration, createFakeSource, levelCelebration, milestoneCelebration, renderLayer, useReducedMotionPerTest } from './harness'

vi.mock('canvas-confetti', () => ({ default: { create: () => Object.assign(() => null, { reset: () => {} }) } }))

const MINUTE = 60_000

useReducedMotionPerTest({ fakeTimers: true })
// Loaded once up front, as after a page's first celebration: tests then wait on the queue, not on import().
beforeAll(() => CELEBRATION_CHUNK.load())

const setup = () => userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
const toasts = () => within(screen.getByRole('region', { name: 'Celebrations' })).queryAllByRole('status')
const keepGoing = async (user: ReturnType<typeof setup>) => user.click(await screen.findByRole('button', { name: 'Keep going' }))

describe('celebration queue', () => {
  it('never demotes a level-up: the second one waits for the first dialog to close, then gets its own', async () => {
    const fake = createFakeSource([levelCelebration('getting-started'), levelCelebration('power-user')])
    renderLayer(fake)
    const user = setup()

    expect(await screen.findByRole('dialog', { name: 'You did it!' })).toHaveTextContent('Level complete: Getting started')
    expect(screen.getAllByRole('dialog')).toHaveLength(1)
    expect(toasts()).toHaveLength(0)

    await keepGoing(user)
    // Seconds later — well inside the 10-minute cooldown — and still a dialog, not a toast.
    expect(await screen.findByRole('dialog', { name: 'You did it!' })).toHaveTextContent('Level complete: Power user')
    expect(toasts()).toHaveLength(0)
    await keepGoing(user)
    expect(fake.ackCalls).toEqual(['level:getting-started', 'level:power-user'])
  })

  it('a level reached minutes after another dialog still gets its dialog', async () => {
    const fake = createFakeSource([milestoneCelebration('connect-data', 'modal')])
    renderLayer(fake)
    const user = setup()
    await keepGoing(user)

    act(() => vi.advanceTimersByTime(2 * MINUTE))
    act(() => fake.achieve(levelCelebration('getting-started')))
    expect(await screen.findByRole('dialog', { name: 'You did it!' })).toHaveTextContent('Level complete: Getting started')
    expect(toasts()).toHaveLength(0)
  })

  it('caps milestone dialogs: one inside the cooldown shows as a toast, and a dialog is allowed again after', async () => {
    const fake = createFakeSource([levelCelebration('getting-started')])
    renderLayer(fake)
    const user = setup()
    await keepGoing(user)

    act(() => vi.advanceTimersByTime(5 * MINUTE))
    act(() => fake.achieve(milestoneCelebration('connect-data', 'modal')))
    await waitFor(() => expect(toasts()).toHaveLength(1))
    expect(toasts()[0]).toHaveTextContent('Milestone achieved: Connect a data source')
    expect(screen.queryByRole('dialog')).toBeNull()

    act(() => vi.advanceTimersByTime(10 * MINUTE))
    act(() => fake.achieve(milestoneCelebration('first-report', 'modal')))
    expect(await screen.findByRole('dialog', { name: 'You did it!' })).toHaveTextContent('Milestone achieved: Generate a report')
  })

  it('takes the cooldown from the provider', async () => {
    const fake = createFakeSource([milestoneCelebration('connect-data', 'modal')])
    renderLayer(fake, { provider: { modalCooldownMs: MINUTE } })
    const user = setup()
    await keepGoing(user)

    act(() => vi.advanceTimersByTime(MINUTE))
    act(() => fake.achieve(milestoneCelebration('first-report', 'modal')))
    expect(await screen.findByRole('dialog', { name: 'You did it!' })).toHaveTextContent('Milestone achieved: Generate a report')
  })

  it('merges simultaneous milestones into one "3 milestones achieved" toast', async () => {
    const fake = createFakeSource([
      milestoneCelebration('create-project'),
      milestoneCelebration('invite-teammate'),
      milestoneCelebration('first-report'),
    ])
    renderLayer(fake)

    await waitFor(() => expect(toasts()).toHaveLength(1))
    expect(toasts()[0]).toHaveTextContent('3 milestones achieved')
    expect(toasts()[0]).not.toHaveTextContent(/unlocked/i)
    for (const title of ['Create a project', 'Invite a teammate', 'Generate a report']) expect(toasts()[0]).toHaveTextContent(title)
  })

  it('takes the toast limits from the provider', async () => {
    const fake = createFakeSource([milestoneCelebration('create-project'), milestoneCelebration('first-report')])
    renderLayer(fake, { provider: { maxSeparateToasts: 1 } })
    await waitFor(() => expect(toasts()).toHaveLength(1))
    expect(toasts()[0]).toHaveTextContent('2 milestones achieved')
  })

  it('celebrates the level before a milestone that arrived with it', async () => {
    const fake = createFakeSource([milestoneCelebration('connect-data', 'modal', 10), levelCelebration('getting-started')])
    renderLayer(fake)
    const dialog = await screen.findByRole('dialog')
    expect(dialog).toHaveAttribute('data-cairn-celebration', 'level:getting-started')
  })

  it('folds the level badge into the dialog, and never toasts what the dialog already said', async () => {
    const fake = createFakeSource([levelCelebration(), badgeCelebration(), milestoneCelebration('invite-teammate'), milestoneCelebration('first-report')])
    renderLayer(fake)
    const user = setup()
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByText('Team player')).toBeInTheDocument()
    await keepGoing(user)

    // "Invite a teammate" completed the level the dialog announced; "Generate a report" belongs to the next level.
    await waitFor(() => expect(toasts()).toHaveLength(1))
    expect(toasts()[0]).toHaveTextContent('Milestone achieved: Generate a report')
    expect(fake.ackCalls.sort()).toEqual(['badge:team-player', 'level:getting-started', 'milestone:first-report', 'milestone:invite-teammate'])
  })

  it('takes a level\'s step toasts off the screen when its level-up dialog opens: one moment, one celebration', async () => {
    const fake = createFakeSource()
    renderLayer(fake)
    // Seconds apart, as a user works through the level: each step gets its toast.
    act(() => fake.achieve(milestoneCelebration('create-project')))
    await waitFor(() => expect(toasts()).toHaveLength(1))
    act(() => fake.achieve(milestoneCelebration('first-report')))
    act(() => fake.achieve(milestoneCelebration('invite-teammate')))
    await waitFor(() => expect(toasts()).toHaveLength(3))

    // The last step completes "Getting started": its dialog says the level is done, so its steps' toasts go.
    act(() => fake.achieve(levelCelebration()))
    expect(await screen.findByRole('dialog', { name: 'You did it!' })).toHaveTextContent('Level complete: Getting started')
    await waitFor(() => expect(toasts()).toHaveLength(1))
    expect(toasts()[0]).toHaveTextContent('Milestone achieved: Generate a report') // the next level's: its own moment
    expect(fake.ackCalls.sort()).toEqual(['level:getting-started', 'milestone:create-project', 'milestone:first-report', 'milestone:invite-teammate'])
  })

  it('keeps the rest of a merged toast when the level-up dialog takes its own steps out of it', async () => {
    const fake = createFakeSource()
    renderLayer(fake)
    act(() => fake.achieve(milestoneCelebration('create-project'), milestoneCelebration('first-report'), milestoneCelebration('connect-data')))
    await waitFor(() => expect(toasts()).toHaveLength(1))
    expect(toasts()[0]).toHaveTextContent('3 milestones achieved')

    act(() => fake.achieve(levelCelebration()))
    await screen.findByRole('dialog', { name: 'You did it!' })
    await waitFor(() => expect(toasts()[0]).toHaveTextContent('2 milestones achieved'))
    expect(toasts()).toHaveLength(1)
  })

  it('plans nothing before the program is loaded, even when a live update arrives first', async () => {
    const fake = createFakeSource()
    renderLayer(fake)
    // Before the first load has answered: no levels known yet to tell what the dialog already says.
    act(() => fake.achieve(levelCelebration(), milestoneCelebration('invite-teammate')))
    const user = setup()
    await keepGoing(user)
    await act(async () => {})
    expect(toasts()).toHaveLength(0)
    expect(fake.ackCalls.sort()).toEqual(['level:getting-started', 'milestone:invite-teammate'])
  })

  it('acknowledges every celebration exactly once and never shows it again after a reload', async () => {
    const fake = createFakeSource([levelCelebration(), milestoneCelebration('first-report'), milestoneCelebration('connect-data', 'none')])
    const first = renderLayer(fake, { strict: true })
    const user = setup()
    await keepGoing(user)
    await waitFor(() => expect(toasts()).toHaveLength(1))
    first.unmount()

    expect([...fake.ackCalls].sort()).toEqual(['level:getting-started', 'milestone:connect-data', 'milestone:first-report'])

    // "Reload": a new provider over the same source.
    renderLayer(fake)
    await waitFor(() => expect(screen.getByRole('region', { name: 'Celebrations' })).toBeInTheDocument())
    act(() => vi.advanceTimersByTime(1_000))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(fake.ackCalls).toHaveLength(3)
  })

  it('reports celebration_shown and celebration_dismissed to onEvent', async () => {
    const onEvent = vi.fn()
    const fake = createFakeSource([levelCelebration()])
    renderLayer(fake, { onEvent })
    await keepGoing(setup())

    const names = onEvent.mock.calls.map(([name]) => name).filter((name: string) => name.startsWith('celebration_'))
    expect(names).toEqual(['celebration_shown', 'celebration_dismissed'])
    expect(onEvent).toHaveBeenCalledWith('celebration_shown', expect.objectContaining({ celebration_id: 'level:getting-started', kind: 'level', style: 'modal' }))
  })
})
