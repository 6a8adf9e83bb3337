import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useEffect, useState } from 'react'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { CELEBRATION_CHUNK } from '../../../src/react/celebrations/celebration-host'
import { ProgressWidget } from '../../../src/react'
import { badgeCelebration, createFakeSource, levelCelebration, milestoneCelebration, renderLayer, useReducedMotionPerTest } from './harness'

vi.mock('canvas-confetti', () => ({ default: { create: () => Object.assign(() => null, { reset: () => {} }) } }))

const media = useReducedMotionPerTest()
// Loaded once up front, as after a page's first celebration: tests then wait on the queue, not on import().
beforeAll(() => CELEBRATION_CHUNK.load())

/** A host control that disables itself while a request runs, like a "Complete task" button. */
function BusyButton() {
  const [busy, setBusy] = useState(false)
  return (
    <button type="button" disabled={busy} onClick={() => setBusy(true)}>
      Complete task
    </button>
  )
}

describe('celebration dialog', () => {
  it('is a native <dialog> opened with showModal(), labelled, described and marked with the celebration id', async () => {
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal')
    renderLayer(createFakeSource([levelCelebration()]))
    const dialog = await screen.findByRole('dialog', { name: 'You did it!' })
    expect(dialog).toBeInstanceOf(HTMLDialogElement)
    expect(showModal).toHaveBeenCalledTimes(1)
    expect(dialog).toHaveProperty('open', true)
    expect(dialog).toHaveAttribute('data-cairn-celebration', 'level:getting-started')
    expect(dialog).toHaveAccessibleDescription('Level complete: Getting started Your team is set up — nice work.')
    expect(dialog).toHaveTextContent('🎉 Level complete: Getting started')
    showModal.mockRestore()
  })

  it('shows the badge with its description, and unlocked features by label — never a bare id', async () => {
    renderLayer(createFakeSource([levelCelebration(), badgeCelebration()]))
    const dialog = await screen.findByRole('dialog')
    const badge = dialog.querySelector('[data-cairn-celebration-badge="team-player"]')
    expect(badge).toHaveTextContent('Team player')
    expect(badge).toHaveTextContent('You brought your team along.')
    const features = dialog.querySelector('[data-cairn-celebration-features]')
    expect(features).toHaveTextContent('Now unlocked')
    expect(features).toHaveTextContent('Shared dashboards')
    expect(dialog).not.toHaveTextContent('shared-dashboards')
    expect(dialog).not.toHaveTextContent('internal-flag')
  })

  it('leaves out "Now unlocked" when no unlocked feature has a label', async () => {
    renderLayer(createFakeSource([levelCelebration('power-user')]))
    const dialog = await screen.findByRole('dialog')
    expect(dialog.querySelector('[data-cairn-celebration-features]')).toBeNull()
  })

  it('moves focus to the primary button', async () => {
    renderLayer(createFakeSource([levelCelebration()]))
    expect(await screen.findByRole('button', { name: 'Keep going' })).toHaveFocus()
  })

  it('closes on Escape and gives focus back to where it was', async () => {
    const fake = createFakeSource()
    renderLayer(fake, { children: <button type="button">Open settings</button> })
    const user = userEvent.setup()
    const trigger = screen.getByRole('button', { name: 'Open settings' })
    trigger.focus()

    act(() => fake.achieve(levelCelebration()))
    expect(await screen.findByRole('button', { name: 'Keep going' })).toHaveFocus()

    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(trigger).toHaveFocus()
    expect(fake.ackCalls).toEqual(['level:getting-started'])
  })

  it('gives focus to the widget heading when the element that had it is now disabled', async () => {
    const fake = createFakeSource()
    renderLayer(fake, { children: [<BusyButton key="host" />, <ProgressWidget key="widget" />] })
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Complete task' }))

    act(() => fake.achieve(levelCelebration()))
    await user.click(await screen.findByRole('button', { name: 'Keep going' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(screen.getByRole('heading', { name: 'Your progress' })).toHaveFocus()
  })

  it('gives focus to the widget heading when the element that had it is gone', async () => {
    const fake = createFakeSource()
    const task = { remove: () => {} }
    function Task() {
      const [shown, setShown] = useState(true)
      useEffect(() => {
        task.remove = () => setShown(false)
      }, [])
      return shown ? <button type="button">Delete task</button> : null
    }
    renderLayer(fake, { children: [<Task key="task" />, <ProgressWidget key="widget" />] })
    screen.getByRole('button', { name: 'Delete task' }).focus()

    act(() => fake.achieve(levelCelebration()))
    await screen.findByRole('dialog')
    act(() => task.remove())
    await userEvent.setup().click(screen.getByRole('button', { name: 'Keep going' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(screen.getByRole('heading', { name: 'Your progress' })).toHaveFocus()
  })

  it('offers the milestone CTA as a real link beside "Keep going"', async () => {
    renderLayer(createFakeSource([milestoneCelebration('connect-data', 'modal')]))
    const link = await screen.findByRole('link', { name: 'See your data' })
    expect(link).toHaveAttribute('href', '/data')
  })

  it('still opens and is announced under reduced motion', async () => {
    media.set(true)
    renderLayer(createFakeSource([milestoneCelebration('invite-teammate', 'modal')]))
    const dialog = await screen.findByRole('dialog', { name: 'You did it!' })
    expect(dialog).toHaveTextContent('Milestone achieved: Invite a teammate')
  })
})
