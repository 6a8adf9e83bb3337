import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ProgressLauncher } from '../../src/react'
import { createFakeSource, renderWithProvider } from './fixtures'

const launcherButton = () => screen.getByRole('button', { name: /Your progress: 2 of 13 done/ })

describe('ProgressLauncher', () => {
  it('is a collapsed button labelled with the progress', async () => {
    renderWithProvider(<ProgressLauncher />)
    await waitFor(() => expect(launcherButton()).toHaveAttribute('aria-expanded', 'false'))
    expect(launcherButton()).toHaveAttribute('aria-haspopup', 'dialog')
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('says it is loading before the first snapshot, never "0 of 0 done"', async () => {
    const fake = createFakeSource('pending')
    renderWithProvider(<ProgressLauncher />, fake)
    await waitFor(() => expect(fake.source.load).toHaveBeenCalled())
    expect(screen.getByRole('button', { name: 'Loading your progress…' })).toHaveAttribute('aria-haspopup', 'dialog')
    expect(screen.queryByRole('button', { name: /0 of 0/ })).toBeNull()
  })

  it('claims no count when the first load failed: the button is named for what it opens', async () => {
    const fake = createFakeSource()
    fake.failLoads()
    renderWithProvider(<ProgressLauncher />, fake)
    await waitFor(() => expect(screen.getByRole('button', { name: 'Your progress' })).toHaveAttribute('aria-haspopup', 'dialog'))
    expect(screen.queryByRole('button', { name: /0 of 0/ })).toBeNull()
  })

  it('opens the panel from the keyboard, moves focus in, and Escape restores it', async () => {
    const user = userEvent.setup()
    renderWithProvider(<ProgressLauncher />)
    await waitFor(() => launcherButton())
    await user.tab()
    expect(launcherButton()).toHaveFocus()
    await user.keyboard('{Enter}')

    const dialog = screen.getByRole('dialog', { name: 'Your progress' })
    expect(launcherButton()).toHaveAttribute('aria-expanded', 'true')
    expect(launcherButton()).toHaveAttribute('aria-controls', dialog.id)
    expect(dialog).toHaveFocus()
    expect(dialog.querySelector('[data-cairn-widget]')).toBeInTheDocument()

    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(launcherButton()).toHaveAttribute('aria-expanded', 'false')
    expect(launcherButton()).toHaveFocus()
  })

  it('closes with its close button and gives focus back to the launcher', async () => {
    const user = userEvent.setup()
    renderWithProvider(<ProgressLauncher />)
    await user.click(await waitFor(() => launcherButton()))
    await user.click(screen.getByRole('button', { name: 'Close' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(launcherButton()).toHaveFocus()
  })

  it('closes on a click outside without stealing focus', async () => {
    const user = userEvent.setup()
    renderWithProvider(
      <>
        <input aria-label="Search" />
        <ProgressLauncher />
      </>,
    )
    await user.click(await waitFor(() => launcherButton()))
    expect(screen.getByRole('dialog')).toBeInTheDocument()
    await user.click(screen.getByRole('textbox', { name: 'Search' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.getByRole('textbox', { name: 'Search' })).toHaveFocus()
  })
})
