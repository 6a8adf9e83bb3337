import { act, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { CairnError } from '../../src/client'
import { ProgressWidget } from '../../src/react'
import { BENCHMARK_VIEW } from '../../src/react/components/benchmark-card'
import { createFakeSource, gettingStarted, holdFirstResponse, renderWithProvider, sampleBenchmarks } from './fixtures'

// The benchmark lines' code cannot load (offline, or a deploy removed the old file).
vi.mock('../../src/react/components/benchmark-view', () => {
  throw new Error('Failed to fetch dynamically imported module')
})

const benchmarks = sampleBenchmarks

const LINES_MISSING = 'The benchmark lines could not load (their code did not load)'

// One file, one page: the lines' code is fetched (and fails) once, and that failure is reported once, so these run
// in order.
describe('the widget without its benchmark lines', () => {
  // The widget fetches the lines beside the first request, before anyone knows whether they will be needed.
  it('says nothing when no part wants the lines: no benchmarks, or the holdout', async () => {
    for (const progress of [gettingStarted(), { ...gettingStarted(), holdout: true, benchmarks }]) {
      const errors: Error[] = []
      const fake = createFakeSource(progress)
      const { unmount } = renderWithProvider(<ProgressWidget />, fake, { onError: (error) => errors.push(error) })
      await waitFor(() => expect(fake.source.load).toHaveBeenCalled())
      await act(() => BENCHMARK_VIEW.load())
      await waitFor(() => expect(BENCHMARK_VIEW.state.failed).toBe(true))
      expect(errors).toEqual([])
      unmount()
    }
  })

  it('shows everything else, leaves out the card and the rarity, and tells onError once though both want the lines', async () => {
    const errors: Error[] = []
    const fake = createFakeSource({ ...gettingStarted(), benchmarks })
    const respond = holdFirstResponse(fake)
    renderWithProvider(<ProgressWidget />, fake, { onError: (error) => errors.push(error) })
    await act(() => BENCHMARK_VIEW.load()) // failed before the benchmarks arrived: nobody wanted the lines yet
    expect(errors).toEqual([])

    respond()
    await waitFor(() => expect(errors.map((e) => e.message)).toContain(LINES_MISSING))
    await waitFor(() => expect(document.querySelector('[data-cairn-badge="organized"]')).toBeInTheDocument())
    fake.push({ ...gettingStarted(), benchmarks, evaluatedAt: '2026-11-20T12:01:00.000Z' })
    await act(() => BENCHMARK_VIEW.load())
    const reported = errors.filter((e) => e.message === LINES_MISSING)
    expect(reported).toHaveLength(1)
    expect(reported[0]).toBeInstanceOf(CairnError)
    expect(reported[0]).toMatchObject({ code: 'network' })
    expect(screen.getByRole('heading', { name: 'Your progress' })).toBeInTheDocument()
    expect(document.querySelector('[data-cairn-next-step]')).toBeInTheDocument()
    expect(document.querySelector('[data-cairn-badge="organized"]')).toBeInTheDocument()
    expect(document.querySelector('[data-cairn-benchmark-card]')).toBeNull()
    expect(document.querySelector('[data-cairn-badge-rarity]')).toBeNull()
  })
})
