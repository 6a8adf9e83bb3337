import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { createFakeSource, levelCelebration, milestoneCelebration, renderLayer, useReducedMotionPerTest } from './harness'

vi.mock('canvas-confetti', () => ({ default: { create: () => Object.assign(() => null, { reset: () => {} }) } }))

const media = useReducedMotionPerTest()

describe('celebration dialog', () => {
  it('is a labelled, described modal dialog marked with the celebration id', async () => {
    renderLayer(createFakeSource([levelCelebration()]))
    const dialog = await screen.findByRole('dialog', { name: 'You did it!' })
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    expect(dialog).toHaveAttribute('data-cairn-celebration', 'level:getting-started')
    expect(dialog).toHaveAccessibleDescription('Level complete: Getting started Your team is set up — nice work.')
    expect(dialog).toHaveTextContent('🎉 Level complete: Getting started')
  })

  it('shows the badge and the features the level unlocked', async () => {
    renderLayer(createFakeSource([levelCelebration()]))
    const dialog = await screen.findByRole('dialog')
    expect(dialog.querySelector('[data-cairn-celebration-badge="team-player"]')).toHaveTextContent('Team player')
    expect(dialog).toHaveTextContent('Now unlocked')
    expect(dialog).toHaveTextContent('Shared dashboards')
  })

  it('moves focus to the primary button and keeps Tab and Shift+Tab inside', async () => {
    renderLayer(createFakeSource([levelCelebration()]))
    const user = userEvent.setup()
    const primary = await screen.findByRole('button', { name: 'Keep going' })
    expect(primary).toHaveFocus()

    await user.tab()
    expect(primary).toHaveFocus()
    await user.tab({ shift: true })
    expect(primary).toHaveFocus()
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
  })

  it('cycles Tab and Shift+Tab between its controls and never reaches the page behind', async () => {
    const fake = createFakeSource()
    renderLayer(fake, { children: <button type="button">Host button</button> })
    const user = userEvent.setup()
    act(() => fake.achieve(milestoneCelebration('connect-data', 'modal')))
    const primary = await screen.findByRole('button', { name: 'Keep going' })
    const link = screen.getByRole('link', { name: 'See your data' })
    expect(link).toHaveAttribute('href', '/data')
    expect(primary).toHaveFocus()

    await user.tab()
    expect(link).toHaveFocus()
    await user.tab()
    expect(primary).toHaveFocus()
    await user.tab({ shift: true })
    expect(link).toHaveFocus()
    await user.tab({ shift: true })
    expect(primary).toHaveFocus()
  })

  it('still opens and is announced under reduced motion', async () => {
    media.set(true)
    renderLayer(createFakeSource([milestoneCelebration('invite-teammate', 'modal')]))
    const dialog = await screen.findByRole('dialog', { name: 'You did it!' })
    expect(dialog).toHaveTextContent('Milestone unlocked: Invite a teammate')
  })
})
