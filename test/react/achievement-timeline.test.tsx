import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { AchievementTimeline } from '../../src/react'
import { createFakeSource, makeProgress, renderWithProvider } from './fixtures'

/** Level 1 finished on Nov 2 (its badge the same instant), two October steps before it, and "30 days" reached in December. */
const history = () =>
  makeProgress(
    {
      'first-project': { state: 'achieved', current: 1, achievedAt: '2026-10-28T09:00:00.000Z' },
      'invite-teammate': { state: 'achieved', current: 1, achievedAt: '2026-10-30T16:00:00.000Z' },
      'five-tasks': { state: 'achieved', current: 5, achievedAt: '2026-11-02T10:00:00.000Z' },
      'thirty-days': { state: 'achieved', current: 30, achievedAt: '2026-12-01T00:00:00.000Z' },
      'three-active-teammates': { state: 'ineligible' },
    },
    { badges: [{ id: 'organized', earnedAt: '2026-11-02T10:00:00.000Z' }] },
  )

const timeline = () => screen.findByRole('region', { name: 'Your milestones over time' })
const monthTitles = (region: HTMLElement) => within(region).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)
const lines = (list: HTMLElement) => within(list).getAllByRole('listitem').map((item) => item.textContent)

describe('AchievementTimeline', () => {
  it('groups milestones, levels and badges by month, newest first, each month a heading and a list', async () => {
    renderWithProvider(<AchievementTimeline />, createFakeSource(history()))
    const region = await timeline()
    await waitFor(() => expect(monthTitles(region)).toEqual(['December 2026', 'November 2026', 'October 2026']))
    const november = within(region).getByRole('region', { name: 'November 2026' })
    expect(lines(within(november).getByRole('list'))).toEqual(['Nov 2 Completed Getting started', 'Nov 2 Earned the Organized badge', 'Nov 2 Added 5 tasks'])
    const october = within(region).getByRole('region', { name: 'October 2026' })
    expect(lines(within(october).getByRole('list'))).toEqual(['Oct 30 Invited a teammate', 'Oct 28 Created your first project'])
    // Time-based milestones read in the past tense too.
    expect(within(region).getByRole('region', { name: 'December 2026' })).toHaveTextContent('Reached 30 days with Taskly')
  })

  it('dates every entry with a machine-readable <time>', async () => {
    renderWithProvider(<AchievementTimeline />, createFakeSource(history()))
    const region = await timeline()
    await waitFor(() => expect(region.querySelector('[data-cairn-timeline-entry="first-project"] time')).toHaveAttribute('dateTime', '2026-10-28T09:00:00.000Z'))
    expect(region.querySelector('[data-cairn-timeline-entry="organized"]')).toHaveAttribute('data-kind', 'badge')
  })

  it('tells the story from the start with order="oldest"', async () => {
    renderWithProvider(<AchievementTimeline order="oldest" />, createFakeSource(history()))
    const region = await timeline()
    await waitFor(() => expect(monthTitles(region)).toEqual(['October 2026', 'November 2026', 'December 2026']))
    const november = within(region).getByRole('region', { name: 'November 2026' })
    expect(lines(within(november).getByRole('list'))).toEqual(['Nov 2 Added 5 tasks', 'Nov 2 Earned the Organized badge', 'Nov 2 Completed Getting started'])
  })

  it('says kindly what will appear before anything is achieved, with no empty list', async () => {
    renderWithProvider(<AchievementTimeline />, createFakeSource(makeProgress()))
    const region = await timeline()
    await waitFor(() => expect(region).toHaveAttribute('data-state', 'empty'))
    expect(region).toHaveTextContent('Your milestones will appear here, month by month, as you reach them.')
    expect(within(region).queryByRole('list')).toBeNull()
  })

  it('leaves out what is not achieved: missed and ineligible milestones, levels still open', async () => {
    const progress = makeProgress({
      'first-project': { state: 'achieved', current: 1, achievedAt: '2026-11-18T09:00:00.000Z' },
      'finish-setup': { state: 'missed', current: 0 },
      'three-active-teammates': { state: 'ineligible', achievedAt: '2026-11-19T09:00:00.000Z' },
    })
    renderWithProvider(<AchievementTimeline />, createFakeSource(progress))
    const region = await timeline()
    await waitFor(() => expect(within(region).getAllByRole('listitem')).toHaveLength(1))
    expect(region).toHaveTextContent('Created your first project')
  })

  it('writes month names, days and entries in the widget locale', async () => {
    renderWithProvider(<AchievementTimeline />, createFakeSource(history()), { locale: 'de' })
    const region = await screen.findByRole('region', { name: 'Deine Meilensteine im Zeitverlauf' })
    await waitFor(() => expect(monthTitles(region)).toEqual(['Dezember 2026', 'November 2026', 'Oktober 2026']))
    const november = within(region).getByRole('region', { name: 'November 2026' })
    expect(lines(within(november).getByRole('list'))[0]).toBe('2. Nov. „Getting started“ abgeschlossen')
  })

  it('takes overrides for its own strings', async () => {
    renderWithProvider(<AchievementTimeline messages={{ heading: 'Our journey' }} />, createFakeSource(history()))
    expect(await screen.findByRole('region', { name: 'Our journey' })).toBeInTheDocument()
  })

  it('follows live progress: a new achievement joins its month', async () => {
    const fake = createFakeSource(history())
    renderWithProvider(<AchievementTimeline />, fake)
    const region = await timeline()
    await waitFor(() => expect(monthTitles(region)).toHaveLength(3))
    const next = history()
    fake.push({
      ...next,
      evaluatedAt: '2027-01-05T12:00:00.000Z',
      milestones: { ...next.milestones, 'three-projects': { state: 'achieved', current: 3, target: 3, achievedAt: '2027-01-05T11:00:00.000Z' } },
    })
    await waitFor(() => expect(monthTitles(region)[0]).toBe('January 2027'))
    expect(region).toHaveTextContent('Ran 3 projects')
  })

  it('shows nothing to a subject in the experiment holdout, who sees no part of the program', async () => {
    const fake = createFakeSource({ ...history(), holdout: true })
    renderWithProvider(<AchievementTimeline />, fake)
    // While loading, the timeline keeps its place with a loading line and nothing of its own; once the snapshot
    // says "holdout", it is gone.
    expect(document.querySelector('[data-cairn-timeline]')).toHaveAttribute('data-state', 'loading')
    expect(document.querySelector('[data-cairn-timeline]')).toHaveTextContent('Loading your progress…')
    expect(screen.queryByRole('heading')).toBeNull()
    await waitFor(() => expect(fake.source.load).toHaveBeenCalled())
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Your milestones over time' })).toBeNull())
    expect(screen.queryByText('Completed Getting started', { exact: false })).toBeNull()
  })
})
