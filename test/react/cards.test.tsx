import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { BadgeShelf, BenchmarkCard, DigestCard, NextStepPrompt, ProgressBar, ProgressRing, ValueSummary } from '../../src/react'
import { BENCHMARK_VIEW } from '../../src/react/components/benchmark-card'
import { createFakeSource, gettingStarted, makeProgress, renderWithProvider, sampleDigest } from './fixtures'

/** 120 teams; at 5 days in, the typical team has done 1 step, the user (gettingStarted) has done 2. */
const benchmarks = {
  cohortSize: 120,
  percentile: 80,
  typicalAchievedAtStage: 1,
  stageDays: 5,
  milestones: { 'five-tasks': { achievedShare: 0.3, medianDaysToAchieve: 17 } },
}

describe('BadgeShelf', () => {
  it('shows earned badges with their date and the rest as not earned yet', async () => {
    const progress = makeProgress({}, { badges: [{ id: 'organized', earnedAt: '2026-11-03T10:00:00.000Z' }] })
    renderWithProvider(<BadgeShelf />, createFakeSource(progress))
    await waitFor(() => expect(document.querySelector('[data-cairn-badge="organized"]')).toBeInTheDocument())
    const earned = document.querySelector('[data-cairn-badge="organized"]')!
    expect(earned).toHaveAttribute('data-state', 'earned')
    expect(earned).toHaveTextContent('Organized')
    expect(earned).toHaveTextContent('Earned Nov 3, 2026')
    const locked = document.querySelector('[data-cairn-badge="power-user"]')!
    expect(locked).toHaveAttribute('data-state', 'locked')
    expect(locked).toHaveTextContent('Not earned yet')
  })

  it('says what each badge is for, earned or not', async () => {
    const progress = makeProgress({}, { badges: [{ id: 'organized', earnedAt: '2026-11-03T10:00:00.000Z' }] })
    renderWithProvider(<BadgeShelf />, createFakeSource(progress))
    await waitFor(() => expect(document.querySelector('[data-cairn-badge="organized"]')).toHaveTextContent('Set up your first project, tasks and team.'))
    expect(document.querySelector('[data-cairn-badge="power-user"]')).toHaveTextContent('Automated, reported and connected your tools.')
  })

  it('formats the earned date for the locale', async () => {
    const progress = makeProgress({}, { badges: [{ id: 'organized', earnedAt: '2026-11-03T10:00:00.000Z' }] })
    renderWithProvider(<BadgeShelf />, createFakeSource(progress), { locale: 'de' })
    await waitFor(() => expect(document.querySelector('[data-cairn-badge="organized"]')).toHaveTextContent('Erhalten am 03.11.2026'))
  })
})

describe('BenchmarkCard', () => {
  const card = () => screen.findByRole('region', { name: 'How you compare' })
  const render = (extra: object, progress = gettingStarted()) =>
    renderWithProvider(<BenchmarkCard />, createFakeSource({ ...progress, benchmarks: { ...benchmarks, ...extra } }))

  it('compares the user with similar teams at the same stage', async () => {
    render({})
    const region = await card()
    expect(region).toHaveTextContent("You're in the top 20% of teams like yours")
    expect(region).toHaveTextContent('Add 5 tasks: Typically, teams like yours who do this get there by week 3')
    expect(region).toHaveTextContent("At your stage, teams have typically completed 1 step — you've done 2")
  })

  it('says teams when the reader was compared as their account', async () => {
    render({ comparedAs: 'account' })
    const region = await card()
    expect(region).toHaveTextContent("You're in the top 20% of teams like yours")
    expect(region).toHaveTextContent("At your stage, teams have typically completed 1 step — you've done 2")
  })

  it('says people, never teams, to a reader compared on their own (no account)', async () => {
    render({ comparedAs: 'user' })
    const region = await card()
    expect(region).toHaveTextContent("You're in the top 20% of people like you")
    expect(region).toHaveTextContent('Add 5 tasks: Typically, people like you who do this get there by week 3')
    expect(region).toHaveTextContent("At your stage, people have typically completed 1 step — you've done 2")
    expect(region).not.toHaveTextContent(/team/i)
  })

  it('says people on pace, and before anyone has done a step, to a reader without an account', async () => {
    render({ comparedAs: 'user', percentile: 60, typicalAchievedAtStage: 2 })
    expect(await card()).toHaveTextContent("You're on pace: people at your stage have typically completed 2 steps")
  })

  it('says people in German too (Leute wie du), and teams as before', async () => {
    renderWithProvider(<BenchmarkCard />, createFakeSource({ ...gettingStarted(), benchmarks: { ...benchmarks, comparedAs: 'user' } }), { locale: 'de' })
    const region = await screen.findByRole('region', { name: 'Im Vergleich' })
    expect(region).toHaveTextContent('Du gehörst zu den besten 20 % der Leute wie du')
    expect(region).toHaveTextContent('Leute wie du, die das schaffen, schaffen es meist bis Woche 3')
    expect(region).toHaveTextContent('Leute in deiner Phase haben meist 1 Schritt erledigt – du hast 2 geschafft')
    expect(region).not.toHaveTextContent(/team/i)
  })

  it('stays hidden without benchmarks', async () => {
    const fake = createFakeSource(gettingStarted())
    renderWithProvider(<BenchmarkCard />, fake)
    await waitFor(() => expect(fake.source.load).toHaveBeenCalled())
    expect(screen.queryByRole('region', { name: 'How you compare' })).toBeNull()
    expect(document.querySelector('[data-cairn-benchmark-card]')).toBeNull()
  })

  it('gives no rank when the user is not ahead of the typical team, even with a high mid-rank from ties', async () => {
    render({ percentile: 60, typicalAchievedAtStage: 2 })
    const region = await card()
    expect(region).not.toHaveTextContent('top')
    expect(region).toHaveTextContent("You're on pace: teams at your stage have typically completed 2 steps")
  })

  it('gives no rank in the first day, when the server sends none', async () => {
    const firstDay = { cohortSize: 120, typicalAchievedAtStage: 1, stageDays: 0.1, milestones: benchmarks.milestones }
    renderWithProvider(<BenchmarkCard />, createFakeSource({ ...gettingStarted(), benchmarks: firstDay }))
    expect(await card()).not.toHaveTextContent('top')
  })

  it('never claims more precision than the cohort allows, nor "ahead of everyone"', async () => {
    render({ cohortSize: 12, percentile: 99 })
    expect(await card()).toHaveTextContent("You're in the top 8% of teams like yours")
  })

  it('says nothing about the typical week when the user is already in (or past) it', async () => {
    render({ stageDays: 15 })
    expect(await card()).not.toHaveTextContent('get there by week')
  })

  it('renders nothing when there is nothing honest to say', async () => {
    const nothingDone = makeProgress({}, { nextSteps: [{ milestoneId: 'first-project', title: 'Create your first project', reason: 'Just one step' }] })
    const fake = createFakeSource({
      ...nothingDone,
      benchmarks: { cohortSize: 40, percentile: 50, typicalAchievedAtStage: 0, stageDays: 0.5, milestones: { 'first-project': { achievedShare: 0.4, medianDaysToAchieve: 0.2 } } },
    })
    renderWithProvider(
      <>
        <NextStepPrompt />
        <BenchmarkCard />
      </>,
      fake,
    )
    await waitFor(() => expect(document.querySelector('[data-cairn-next-step]')).toBeInTheDocument())
    await act(() => BENCHMARK_VIEW.load()) // the card's lines have arrived, and still say nothing
    expect(document.querySelector('[data-cairn-benchmark-card]')).toBeNull()
  })

  it('isolates the program text of the next step for mixed-direction pages', async () => {
    render({})
    const title = (await card()).querySelector('bdi')
    expect(title).toHaveTextContent('Add 5 tasks')
  })
})

describe('NextStepPrompt', () => {
  it('renders nothing when there is no next step', async () => {
    const fake = createFakeSource(makeProgress())
    renderWithProvider(<NextStepPrompt />, fake)
    await waitFor(() => expect(fake.source.load).toHaveBeenCalled())
    expect(document.querySelector('[data-cairn-next-step]')).toBeNull()
  })
})

describe('DigestCard', () => {
  it('loads the digest only when opened', async () => {
    const fake = createFakeSource()
    renderWithProvider(<DigestCard />, fake)
    const toggle = await screen.findByRole('button', { name: 'Your week in review' })
    expect(fake.source.digest).not.toHaveBeenCalled()
    await userEvent.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    expect(await screen.findByText('This week you:')).toBeInTheDocument()
    expect(fake.source.digest).toHaveBeenCalledWith('week', expect.any(AbortSignal))
  })

  it('lists accomplishments, not instructions, and the time saved in the period', async () => {
    renderWithProvider(<DigestCard defaultOpen />, createFakeSource())
    const list = await screen.findByRole('list')
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Created your first project',
      'Achieved: Finish 3 tasks in a week',
      'Saved 36 minutes',
    ])
  })

  it('keeps hours and money in agreement: 72 minutes at $60 an hour', async () => {
    renderWithProvider(<ValueSummary />, createFakeSource(makeProgress({}, { value: { minutesSaved: 72, moneySaved: 72, currency: 'USD' } })))
    expect(await screen.findByText("You've saved 1 hour 12 minutes — worth $72")).toHaveAttribute('data-cairn-value')
  })

  it('offers a retry when the digest cannot load', async () => {
    const fake = createFakeSource()
    const onError = vi.fn()
    fake.source.digest = vi.fn().mockRejectedValue(new Error('offline'))
    renderWithProvider(<DigestCard defaultOpen />, fake, { onError })
    const retry = await screen.findByRole('button', { name: 'Try again' })
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'offline' }))
    vi.mocked(fake.source.digest).mockResolvedValue(sampleDigest)
    await userEvent.click(retry)
    expect(await screen.findByText('This week you:')).toBeInTheDocument()
  })
})

describe('ProgressBar and ProgressRing', () => {
  it('expose progressbar semantics and clamp overshoot', () => {
    const { container } = renderWithProvider(
      <>
        <ProgressBar value={12} max={10} label="Tasks" />
        <ProgressRing value={1} max={4} label="Ring" valueText="1 of 4" />
        <ProgressRing value={1} max={4} />
      </>,
    )
    const bar = screen.getByRole('progressbar', { name: 'Tasks' })
    expect(bar).toHaveAttribute('aria-valuenow', '10')
    expect(bar).toHaveAttribute('aria-valuemin', '0')
    expect(bar).toHaveAttribute('data-state', 'complete')
    expect(bar.querySelector('[data-cairn-progress-fill]')).toHaveAttribute('width', '100%') // capped, never overflowing
    expect(screen.getByRole('progressbar', { name: 'Ring' })).toHaveAttribute('aria-valuetext', '1 of 4')
    expect(within(container).getAllByRole('progressbar')).toHaveLength(2)
  })
})
