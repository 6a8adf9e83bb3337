import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ProgressWidget } from '../../src/react'
import { createFakeSource, gettingStarted, makeProgress, program, renderWithProvider, type FakeSource } from './fixtures'

const widget = () => document.querySelector('[data-cairn-widget]') as HTMLElement
const level = (id: string) => document.querySelector(`[data-cairn-level="${id}"]`) as HTMLElement
const row = (id: string) => document.querySelector(`[data-cairn-milestone="${id}"]`) as HTMLElement | null

describe('ProgressWidget', () => {
  it('shows a busy skeleton until the first snapshot arrives', () => {
    renderWithProvider(<ProgressWidget />, createFakeSource('pending'))
    expect(widget()).toHaveAttribute('aria-busy', 'true')
    expect(widget()).toHaveAttribute('data-status', 'loading')
    expect(screen.getByText('Loading your progress…')).toBeInTheDocument()
  })

  it('shows the current level with overall progress in the header', async () => {
    renderWithProvider(<ProgressWidget />)
    expect(await screen.findByText('Level 1 · Getting started — 2 of 3')).toBeInTheDocument()
    expect(widget()).not.toHaveAttribute('aria-busy')
    const overall = screen.getByRole('progressbar', { name: 'Overall progress' })
    expect(overall).toHaveAttribute('aria-valuenow', '2')
    expect(overall).toHaveAttribute('aria-valuemax', '13')
    const levelBar = screen.getByRole('progressbar', { name: 'Getting started progress' })
    expect(levelBar).toHaveAttribute('aria-valuenow', '2')
    expect(levelBar).toHaveAttribute('aria-valuemax', '3')
    expect(levelBar).toHaveAttribute('aria-valuetext', '2 of 3')
  })

  it('renders levels as collapsible sections, the active one open', async () => {
    renderWithProvider(<ProgressWidget />)
    const active = await screen.findByRole('button', { name: /Level 1 · Getting started/ })
    expect(active).toHaveAttribute('aria-expanded', 'true')
    expect(level('getting-started')).toHaveAttribute('data-state', 'active')
    expect(row('five-tasks')).toBeVisible()

    await userEvent.click(active)
    expect(active).toHaveAttribute('aria-expanded', 'false')
    expect(document.getElementById(active.getAttribute('aria-controls')!)).not.toBeVisible()
  })

  it('keeps a locked level visible with what unlocks it', async () => {
    renderWithProvider(<ProgressWidget />)
    await screen.findByText('Level 1 · Getting started — 2 of 3')
    expect(level('building-momentum')).toHaveAttribute('data-state', 'locked')
    expect(within(level('building-momentum')).getByText('Complete Getting started to unlock')).toBeInTheDocument()
    const trigger = within(level('building-momentum')).getByRole('button', { name: /Building momentum/ })
    expect(trigger).toHaveAttribute('aria-expanded', 'false')
    await userEvent.click(trigger)
    expect(row('ten-tasks-done')).toHaveAttribute('data-state', 'locked')
  })

  it('leaves ineligible milestones out entirely', async () => {
    renderWithProvider(<ProgressWidget />)
    await screen.findByText('Level 1 · Getting started — 2 of 3')
    expect(row('three-active-teammates')).toBeNull()
    expect(row('seven-day-habit')).toBeInTheDocument()
  })

  it('nudges to catch up on a missed milestone and shows due dates on open ones', async () => {
    const progress = makeProgress({
      'finish-setup': { state: 'missed', current: 1, dueAt: '2026-11-10T12:00:00.000Z' },
      'tasks-sprint': { state: 'in_progress', current: 1, dueAt: '2026-11-21T12:00:00.000Z' },
    })
    renderWithProvider(<ProgressWidget />, createFakeSource(progress))
    await waitFor(() => expect(row('finish-setup')).toHaveAttribute('data-state', 'missed'))
    expect(within(row('finish-setup')!).getByText('Deadline passed — you can still catch up')).toBeInTheDocument()
    const catchUp = within(row('finish-setup')!).getByRole('link', { name: 'Catch up: Finish setting up in your first week' })
    expect(catchUp).toHaveAttribute('href', '/getting-started')
    expect(catchUp).toHaveTextContent(/^Catch up/)
    expect(within(row('tasks-sprint')!).getByText('Due tomorrow')).toBeInTheDocument()
    expect(row('tasks-sprint')).toHaveAttribute('data-due-soon')
  })

  it('asks someone who has done nothing to start their first step, not to pick up where they left off', async () => {
    const step = { milestoneId: 'first-project', title: 'Create your first project', cta: { label: 'Create a project', href: '/projects/new' }, reason: 'Just one step' }
    renderWithProvider(<ProgressWidget />, createFakeSource(makeProgress({}, { nextSteps: [step] })))
    const prompt = await screen.findByRole('region', { name: 'Your first step' })
    expect(prompt).toHaveAttribute('data-phase', 'start')
    const link = within(prompt).getByRole('link', { name: 'Start: Create your first project' })
    expect(link).toHaveAttribute('href', '/projects/new')
    expect(link).toHaveTextContent(/^Start/)
  })

  it('asks to continue a step that is under way', async () => {
    renderWithProvider(<ProgressWidget />, createFakeSource(gettingStarted()))
    const prompt = await screen.findByRole('region', { name: 'Your next step' })
    expect(prompt).toHaveAttribute('data-phase', 'continue')
    expect(within(prompt).getByRole('link', { name: 'Continue: Add 5 tasks' })).toHaveAttribute('href', '/tasks/new')
  })

  it('names the next step when it has no call to action', async () => {
    const progress = makeProgress({}, { nextSteps: [{ milestoneId: 'generate-report', title: 'Generate a report', reason: 'priority' }] })
    renderWithProvider(<ProgressWidget />, createFakeSource(progress))
    const prompt = await screen.findByRole('region', { name: 'Your first step' })
    expect(prompt).toHaveTextContent('Generate a report')
    expect(within(prompt).queryByRole('link')).toBeNull()
  })

  it('sums up the value saved so far', async () => {
    const progress = makeProgress({}, { value: { minutesSaved: 480, moneySaved: 480, currency: 'USD' } })
    renderWithProvider(<ProgressWidget />, createFakeSource(progress))
    expect(await screen.findByText("You've saved 8 hours — worth $480")).toHaveAttribute('data-cairn-value')
  })

  it('shows a calm empty state when nothing applies to the user', async () => {
    const progress = makeProgress(Object.fromEntries(program.milestones.map(({ id }) => id).map((id) => [id, { state: 'ineligible' as const }])))
    renderWithProvider(<ProgressWidget />, createFakeSource(progress))
    expect(await screen.findByText('Nothing to track yet — check back soon.')).toBeInTheDocument()
    expect(screen.queryByRole('progressbar')).toBeNull()
  })

  it('shows an error with a quiet retry when the first load fails, and recovers', async () => {
    const fake = createFakeSource()
    fake.failLoads()
    const errors: Error[] = []
    renderWithProvider(<ProgressWidget />, fake, { onError: (error) => errors.push(error) })
    expect(await screen.findByText("We couldn't load your progress.")).toBeInTheDocument()
    expect(errors[0]?.message).toBe('network down')

    fake.recover()
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('Level 1 · Getting started — 2 of 3')).toBeInTheDocument()
  })

  it('keeps the last good data on screen when a refresh fails', async () => {
    const fake = createFakeSource()
    renderWithProvider(<ProgressWidget />, fake)
    await screen.findByText('Level 1 · Getting started — 2 of 3')
    fake.failLoads()
    await userEvent.click(await findRetryAfterStaleError(fake))
    expect(await screen.findByText("Couldn't refresh — showing your last progress.")).toBeInTheDocument()
    expect(screen.getByText('Level 1 · Getting started — 2 of 3')).toBeInTheDocument()
    expect(row('five-tasks')).toHaveAttribute('data-state', 'in_progress')
  })

  it('announces progress changes politely', async () => {
    const fake = createFakeSource()
    renderWithProvider(<ProgressWidget />, fake, { celebrations: false })
    await screen.findByText('Level 1 · Getting started — 2 of 3')
    const live = document.querySelector('[aria-live="polite"][data-cairn-live]')!
    expect(live).toBeEmptyDOMElement()

    fake.push(makeProgress({ 'first-project': { state: 'achieved', current: 1 }, 'five-tasks': { state: 'achieved', current: 5 }, 'invite-teammate': { state: 'achieved', current: 1 } }))
    await waitFor(() => expect(live).toHaveTextContent('Add 5 tasks achieved. 3 of 3 in Getting started'))
  })

  it('marks the theme and writing direction on the root', async () => {
    renderWithProvider(<ProgressWidget />, createFakeSource(), { theme: 'dark', dir: 'rtl' })
    expect(widget()).toHaveAttribute('data-cairn-theme', 'dark')
    expect(widget()).toHaveAttribute('dir', 'rtl')
    expect(widget()).toHaveAttribute('data-cairn-styled')
  })

  it('writes right to left for an RTL locale', () => {
    renderWithProvider(<ProgressWidget />, createFakeSource('pending'), { locale: 'ar' })
    expect(widget()).toHaveAttribute('dir', 'rtl')
    expect(widget()).toHaveAttribute('lang', 'ar')
  })

  it('drops the styling hook when unstyled and adds classes per part', async () => {
    renderWithProvider(<ProgressWidget />, createFakeSource(), { unstyled: true, classNames: { root: 'my-panel', milestone: 'my-row' } })
    await screen.findByText('Level 1 · Getting started — 2 of 3')
    expect(document.querySelector('[data-cairn-styled]')).toBeNull()
    expect(widget()).toHaveClass('my-panel')
    expect(row('five-tasks')).toHaveClass('my-row')
  })

  it('speaks German', async () => {
    renderWithProvider(<ProgressWidget />, createFakeSource(), { locale: 'de-DE' })
    expect(await screen.findByText('Stufe 1 · Getting started – 2 von 3')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Dein Fortschritt' })).toBeInTheDocument()
    expect(within(row('five-tasks')!).getByText('In Arbeit')).toBeInTheDocument()
    expect(screen.getByText('Schließe zuerst „Getting started“ ab')).toBeInTheDocument()
    expect(widget()).toHaveAttribute('lang', 'de-DE')
  })
})

/** A failing live connection puts the quiet retry on screen beside the data. */
async function findRetryAfterStaleError(fake: FakeSource): Promise<HTMLElement> {
  const listener = vi.mocked(fake.source.subscribe).mock.calls.at(-1)![0]
  act(() => listener.error(new Error('stream lost')))
  return screen.findByRole('button', { name: 'Try again' })
}
