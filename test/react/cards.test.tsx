import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { BadgeShelf, BenchmarkCard, DigestCard, NextStepPrompt, ProgressBar, ProgressRing } from '../../src/react'
import { createFakeSource, gettingStarted, makeProgress, renderWithProvider, sampleDigest } from './fixtures'

const benchmarks = {
  cohortSize: 120,
  percentile: 80,
  typicalAchievedAtStage: 5,
  milestones: { 'five-tasks': { achievedShare: 0.7, medianDaysToAchieve: 17 } },
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

  it('formats the earned date for the locale', async () => {
    const progress = makeProgress({}, { badges: [{ id: 'organized', earnedAt: '2026-11-03T10:00:00.000Z' }] })
    renderWithProvider(<BadgeShelf />, createFakeSource(progress), { locale: 'de' })
    await waitFor(() => expect(document.querySelector('[data-cairn-badge="organized"]')).toHaveTextContent('Erhalten am 03.11.2026'))
  })
})

describe('BenchmarkCard', () => {
  it('compares the user with similar teams', async () => {
    renderWithProvider(<BenchmarkCard />, createFakeSource({ ...gettingStarted(), benchmarks }))
    const card = await screen.findByRole('region', { name: 'How you compare' })
    expect(card).toHaveTextContent("You're ahead of 80% of teams like yours")
    expect(card).toHaveTextContent('Teams like yours usually do this by week 3')
    expect(card).toHaveTextContent("Most teams at your stage have completed 5 — you've done 2")
  })

  it('stays hidden without benchmarks', async () => {
    const fake = createFakeSource(gettingStarted())
    renderWithProvider(<BenchmarkCard />, fake)
    await waitFor(() => expect(fake.source.load).toHaveBeenCalled())
    expect(screen.queryByRole('region', { name: 'How you compare' })).toBeNull()
    expect(document.querySelector('[data-cairn-benchmark-card]')).toBeNull()
  })

  it('leaves out a ranking below the median', async () => {
    renderWithProvider(<BenchmarkCard />, createFakeSource({ ...gettingStarted(), benchmarks: { ...benchmarks, percentile: 20 } }))
    const card = await screen.findByRole('region', { name: 'How you compare' })
    expect(card).not.toHaveTextContent("You're ahead of")
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
    const toggle = screen.getByRole('button', { name: 'Your week in review' })
    expect(fake.source.digest).not.toHaveBeenCalled()
    await userEvent.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    expect(await screen.findByText('This week you:')).toBeInTheDocument()
    expect(screen.getByText('Create your first project')).toBeInTheDocument()
    expect(screen.getByText("You've saved 36 minutes")).toBeInTheDocument()
    expect(fake.source.digest).toHaveBeenCalledWith('week', expect.any(AbortSignal))
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
    expect(bar.style.getPropertyValue('--cairn-progress')).toBe('100%')
    expect(screen.getByRole('progressbar', { name: 'Ring' })).toHaveAttribute('aria-valuetext', '1 of 4')
    expect(within(container).getAllByRole('progressbar')).toHaveLength(2)
  })
})
