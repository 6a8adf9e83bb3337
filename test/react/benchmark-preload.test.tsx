import { Profiler } from 'react'
import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { localSource, memoryStorage } from '../../src/client/local'
import { ProgressWidget } from '../../src/react'
import { BENCHMARK_VIEW } from '../../src/react/components/benchmark-card'
import { commitLog, createFakeSource, gettingStarted, holdFirstResponse, program, renderWithProvider, sampleBenchmarks } from './fixtures'

// Records when the benchmark lines' code is asked for; the module itself is the real one.
const viewImported = vi.hoisted(() => vi.fn())
vi.mock('../../src/react/components/benchmark-view', async (importOriginal) => {
  viewImported()
  return importOriginal()
})

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
    const fake = createFakeSource({ ...gettingStarted(), benchmarks: sampleBenchmarks })
    const respond = holdFirstResponse(fake)
    const { commits, onRender } = commitLog({ checklist: '[data-cairn-level-list]', card: '[data-cairn-benchmark-card]' })
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
