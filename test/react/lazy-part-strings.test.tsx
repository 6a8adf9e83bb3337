import { act, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ProgressWidget, type CairnMessages } from '../../src/react'
import { BENCHMARK_VIEW } from '../../src/react/components/benchmark-card'
import { enFirstLoad } from '../../src/react/i18n/en'
import { createFakeSource, gettingStarted, renderWithProvider } from './fixtures'

// Its own file: the German table loads once per page, so the second test needs a page where it has not loaded yet.
describe('strings of the lazily loaded parts', () => {
  const benchmarks = { cohortSize: 120, percentile: 80, typicalAchievedAtStage: 1, stageDays: 5, milestones: {} }

  it('come in English with their part, and a host override of one of them wins', async () => {
    renderWithProvider(<ProgressWidget />, createFakeSource({ ...gettingStarted(), benchmarks }), { messages: { benchmarkHeading: 'Teams like yours' } })
    // The part's code arrives with import(): wait for it (a busy machine takes longer than findBy's second).
    await act(() => BENCHMARK_VIEW.load())
    const card = await screen.findByRole('region', { name: 'Teams like yours' })
    expect(card).toHaveTextContent("You're in the top 20% of teams like yours")
  })

  it('are German when the host overrides every first-load string but not theirs (the German table still loads)', async () => {
    const firstLoadOnly: Partial<CairnMessages> = { ...enFirstLoad, widgetTitle: 'Onboarding' }
    renderWithProvider(<ProgressWidget />, createFakeSource({ ...gettingStarted(), benchmarks }), { locale: 'de', messages: firstLoadOnly })
    expect(await screen.findByRole('heading', { name: 'Onboarding' })).toBeInTheDocument()
    expect(await screen.findByRole('region', { name: 'Im Vergleich' })).toBeInTheDocument()
  })
})
