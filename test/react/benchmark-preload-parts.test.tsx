import { Profiler } from 'react'
import { waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { localSource, memoryStorage } from '../../src/client/local'
import { BadgeShelf, BenchmarkCard } from '../../src/react'
import { BENCHMARK_VIEW } from '../../src/react/components/benchmark-card'
import { commitLog, createFakeSource, gettingStarted, holdFirstResponse, program, renderWithProvider, sampleBenchmarks } from './fixtures'

// Records when the benchmark lines' code is asked for; the module itself is the real one.
const viewImported = vi.hoisted(() => vi.fn())
vi.mock('../../src/react/components/benchmark-view', async (importOriginal) => {
  viewImported()
  return importOriginal()
})

const parts = (
  <>
    <BenchmarkCard />
    <BadgeShelf />
  </>
)

// One file, one page: the view loads once, so these run in order.
describe('the benchmark card and badge shelf used on their own', () => {
  it('fetch no benchmark lines for a source that never carries benchmarks', async () => {
    const source = localSource({ program, storage: memoryStorage(), now: () => new Date('2026-11-20T12:00:00.000Z') })
    renderWithProvider(parts, { source, push: () => {}, failLoads: () => {}, recover: () => {} })
    await waitFor(() => expect(document.querySelector('[data-cairn-badge-shelf]')).toBeInTheDocument())
    expect(viewImported).not.toHaveBeenCalled()
    expect(BENCHMARK_VIEW.state.module).toBeNull()
  })

  it('fetch the lines on mount, so the card and the rarity come with the first snapshot, as in the widget', async () => {
    const fake = createFakeSource({ ...gettingStarted(), badges: [{ id: 'organized', earnedAt: '2026-11-18T09:00:00.000Z' }], benchmarks: sampleBenchmarks })
    const respond = holdFirstResponse(fake)
    const { commits, onRender } = commitLog({ shelf: '[data-cairn-badge-shelf]', rarity: '[data-cairn-badge-rarity]', card: '[data-cairn-benchmark-card]' })
    renderWithProvider(
      <Profiler id="parts" onRender={onRender}>
        {parts}
      </Profiler>,
      fake,
    )

    await waitFor(() => expect(BENCHMARK_VIEW.state.module).not.toBeNull())
    expect(viewImported).toHaveBeenCalledTimes(1)
    expect(document.querySelector('[data-cairn-badge-shelf]')).toBeNull() // still waiting for progress

    respond()
    await waitFor(() => expect(document.querySelector('[data-cairn-badge-shelf]')).toBeInTheDocument())
    expect(commits.find((commit) => commit.shelf)).toEqual({ shelf: true, rarity: true, card: true })
  })
})
