import { screen, waitFor, within } from '@testing-library/react'
import { beforeAll, describe, expect, it } from 'vitest'
import { CELEBRATION_CHUNK } from '../../src/react/celebrations/celebration-host'
import { useReducedMotionPerTest } from './celebrations/harness'
import type { Celebration, MeProgress } from '../../src/core'
import { NextStepPrompt, ProgressWidget } from '../../src/react'
import { de } from '../../src/react/i18n/de'
import { createFakeSource, gettingStarted, renderWithProvider } from './fixtures'

const quiet = (signals: MeProgress['signals'], extra: Partial<MeProgress> = {}): MeProgress => ({ ...gettingStarted(), signals, ...extra })
const wentQuiet = [{ id: 'went-quiet', state: 'active' as const, since: '2026-11-10T09:00:00.000Z' }, { id: 'stalled', state: 'clear' as const }]
const toast: Celebration = {
  id: 'milestone:five-tasks', kind: 'milestone', refId: 'five-tasks', title: 'Add 5 tasks', style: 'toast', priority: 0, achievedAt: '2026-11-20T11:00:00.000Z',
}

useReducedMotionPerTest()
// Loaded up front, as after a page's first celebration: the test then waits on the queue, not on import().
beforeAll(() => CELEBRATION_CHUNK.load())

describe('the risk nudge', () => {
  it('turns the next step into a calm welcome back with what is left to the next level', async () => {
    renderWithProvider(<NextStepPrompt />, createFakeSource(quiet(wentQuiet)))
    const nudge = await screen.findByRole('region', { name: 'Welcome back' })
    expect(nudge).toHaveAttribute('data-cairn-signal-nudge', 'went-quiet')
    expect(nudge).toHaveAttribute('data-signal-kind', 'inactive')
    expect(nudge).toHaveTextContent('Pick up where you left off: 1 step to your next level')
    expect(within(nudge).getByRole('link', { name: 'Continue: Add 5 tasks' })).toHaveAttribute('href', '/tasks/new')
  })

  it('speaks German', async () => {
    renderWithProvider(<NextStepPrompt />, createFakeSource(quiet(wentQuiet)), { locale: 'de', messages: de })
    const nudge = await screen.findByRole('region', { name: 'Willkommen zurück' })
    expect(nudge).toHaveTextContent('Mach da weiter, wo du aufgehört hast: noch 1 Schritt bis zur nächsten Stufe')
  })

  it('still says welcome back on the visit that ended the quiet spell (its own log-in cleared the signal)', async () => {
    const back = [{ id: 'went-quiet', state: 'clear' as const, clearedAt: '2026-11-20T11:59:00.000Z' }, { id: 'stalled', state: 'clear' as const }]
    renderWithProvider(<NextStepPrompt />, createFakeSource(quiet(back)))
    const nudge = await screen.findByRole('region', { name: 'Welcome back' })
    expect(nudge).toHaveAttribute('data-cairn-signal-nudge', 'went-quiet')
    expect(nudge).toHaveTextContent('Pick up where you left off: 1 step to your next level')
  })

  it('shows the plain next step when every signal is clear', async () => {
    renderWithProvider(<NextStepPrompt />, createFakeSource(quiet([{ id: 'went-quiet', state: 'clear' }])))
    expect(await screen.findByRole('region', { name: 'Your next step' })).not.toHaveAttribute('data-cairn-signal-nudge')
  })

  it('stays quiet while suppressed: no nudge and no celebration; what was held arrives when it ends', async () => {
    const first: Celebration = { ...toast, id: 'milestone:first-project', refId: 'first-project', title: 'Create your first project' }
    const fake = createFakeSource(quiet(wentQuiet, { celebrations: [first] }))
    const { container } = renderWithProvider(
      <ProgressWidget />,
      fake,
      { strict: false },
    )
    // The layer is loaded and celebrating, so a celebration it failed to hold back would show at once.
    const shown = (id: string) => document.querySelector(`[data-cairn-celebration="${id}"]`)
    await waitFor(() => expect(shown('milestone:first-project')).not.toBeNull())

    // Live snapshots must be newer than the one held (the store drops older ones).
    fake.push(quiet(wentQuiet, { evaluatedAt: '2026-11-20T12:01:00.000Z', suppressed: { reason: 'trait:supportCase' }, celebrations: [toast] }))
    expect(screen.getByRole('region', { name: 'Your next step' })).toBeInTheDocument()
    expect(container.querySelector('[data-cairn-signal-nudge]')).toBeNull()
    expect(shown('milestone:five-tasks')).toBeNull()

    fake.push(quiet(wentQuiet, { evaluatedAt: '2026-11-20T12:02:00.000Z', celebrations: [toast] }))
    await waitFor(() => expect(shown('milestone:five-tasks')).not.toBeNull())
  })
})
