import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { CairnError } from '../../src/client'
import { ProgressWidget } from '../../src/react'
import { createFakeSource, gettingStarted, renderWithProvider } from './fixtures'

// The benchmark lines' code cannot load (offline, or a deploy removed the old file).
vi.mock('../../src/react/components/benchmark-view', () => {
  throw new Error('Failed to fetch dynamically imported module')
})

const benchmarks = {
  cohortSize: 120,
  percentile: 80,
  typicalAchievedAtStage: 1,
  stageDays: 5,
  milestones: { 'five-tasks': { achievedShare: 0.3, medianDaysToAchieve: 17 } },
  badges: { organized: { earnedShare: 0.62 } },
}

describe('the widget without its benchmark lines', () => {
  it('shows everything else, leaves out the card and the rarity, and tells onError', async () => {
    const errors: Error[] = []
    renderWithProvider(<ProgressWidget />, createFakeSource({ ...gettingStarted(), benchmarks }), { onError: (error) => errors.push(error) })
    await waitFor(() => expect(errors).toContainEqual(expect.objectContaining({ message: 'The benchmark lines could not load (their code did not load)' })))
    const error = errors.find((e) => e.message.startsWith('The benchmark lines'))
    expect(error).toBeInstanceOf(CairnError)
    expect(error).toMatchObject({ code: 'network' })
    expect(screen.getByRole('heading', { name: 'Your progress' })).toBeInTheDocument()
    expect(document.querySelector('[data-cairn-next-step]')).toBeInTheDocument()
    expect(document.querySelector('[data-cairn-badge="organized"]')).toBeInTheDocument()
    expect(document.querySelector('[data-cairn-benchmark-card]')).toBeNull()
    expect(document.querySelector('[data-cairn-badge-rarity]')).toBeNull()
  })
})
