import { Profiler, type ProfilerOnRenderCallback } from 'react'
import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { localSource, memoryStorage } from '../../src/client/local'
import { ProgressWidget } from '../../src/react'
import { BENCHMARK_VIEW } from '../../src/react/components/benchmark-card'
import { createFakeSource, gettingStarted, program, renderWithProvider } from './fixtures'

// Records when the benchmark lines' code is asked for; the module itself is the real one.
const viewImported = vi.hoisted(() => vi.fn())
vi.mock('../../src/react/components/benchmark-view', async (importOriginal) => {
  viewImported()
  return importOriginal()
})

const benchmarks = {
  cohortSize: 120,
  percentile: 80,
  typicalAchievedAtStage: 1,
  stageDays: 5,
  milestones: { 'five-tasks': { achievedShare: 0.3, medianDaysToAchieve: 17 } },
}

/** What the widget showed at each commit: the checklist, the benchmark card. */
function commitLog() {
  const commits: { checklist: boolean; card: boolean }[] = []
  const onRender: ProfilerOnRenderCallback = () => {
    commits.push({
      checklist: document.querySelector('[data-cairn-level-list]') !== null,
      card: document.querySelector('[data-cairn-benchmark-card]') !== null,
    })
  }
  return { commits, onRender }
}

// One file, one page: the view loads once, so these run in order.
describe('the benchmark lines load beside the first request', () => {
  it('are not fetched for a source that never carries benchmarks', async () => {
    const source = localSource({ program, storage: memoryStorage(), now: () => new Date('2026-11-20T12:00:00.000Z') })
    renderWithProvider(<ProgressWidget />, { source, push: () => {}, failLoads: () => {}, recover: () => {} })
    await waitFor(() => expect(document.querySelector('[data-cairn-widget]')).toHaveAttribute('data-status', 'ready'))
    expect(viewImported).not.toHaveBeenCalled()
    expect(BENCHMARK_VIEW.state.module).toBeNull()
  })

  it('are there before the first progress response, so the card comes in the same render as the checklist', async () => {
    const fake = createFakeSource({ ...gettingStarted(), benchmarks })
    let respond = () => {}
    const answered = new Promise<void>((resolve) => (respond = resolve))
    const load = fake.source.load
    fake.source.load = vi.fn((signal?: AbortSignal) => answered.then(() => load(signal)))
    const { commits, onRender } = commitLog()
    renderWithProvider(
      <Profiler id="widget" onRender={onRender}>
        <ProgressWidget />
      </Profiler>,
      fake,
    )

    await waitFor(() => expect(BENCHMARK_VIEW.state.module).not.toBeNull())
    expect(viewImported).toHaveBeenCalledTimes(1)
    expect(fake.source.load).toHaveBeenCalled()
    expect(document.querySelector('[data-cairn-widget]')).toHaveAttribute('data-status', 'loading') // still waiting for progress

    respond()
    await screen.findByRole('region', { name: 'How you compare' })
    const first = commits.find((commit) => commit.checklist)
    expect(first).toEqual({ checklist: true, card: true })
  })
})
