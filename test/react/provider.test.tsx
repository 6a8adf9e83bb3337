import { render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MilestoneRow, ProgressWidget, useProgress, useTrack } from '../../src/react'
import { createFakeSource, gettingStarted, renderWithProvider } from './fixtures'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('CairnProvider', () => {
  it('explains what is missing when a part is rendered outside a provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<MilestoneRow id="five-tasks" />)).toThrow(/inside <CairnProvider/)
  })

  it('loads and connects on mount, and aborts the load on unmount', async () => {
    const fake = createFakeSource('pending')
    const { unmount } = renderWithProvider(<ProgressWidget />, fake, { strict: false })
    await waitFor(() => expect(fake.source.load).toHaveBeenCalledTimes(1))
    const signal = vi.mocked(fake.source.load).mock.calls[0]![0]!
    expect(fake.source.subscribe).toHaveBeenCalledTimes(1)
    expect(signal.aborted).toBe(false)
    unmount()
    expect(signal.aborted).toBe(true)
  })

  it('stops live updates on unmount', async () => {
    const fake = createFakeSource()
    const unsubscribe = vi.fn()
    const subscribe = fake.source.subscribe
    fake.source.subscribe = vi.fn((listener) => {
      const stop = subscribe(listener)
      return () => {
        unsubscribe()
        stop()
      }
    })
    const { unmount } = renderWithProvider(<ProgressWidget />, fake, { strict: false })
    await screen.findByText('Level 1 · Getting started — 2 of 3')
    unmount()
    expect(unsubscribe).toHaveBeenCalledTimes(1)
  })

  it('reports milestone_achieved for flips between snapshots, never for the initial load', async () => {
    const onEvent = vi.fn()
    const fake = createFakeSource()
    renderWithProvider(<ProgressWidget />, fake, {
      celebrations: false,
      onEvent,
      subject: { userId: 'u1', accountId: 'a1', signedUpAt: '2026-11-10T08:00:00.000Z' },
    })
    await screen.findByText('Level 1 · Getting started — 2 of 3')
    expect(onEvent).not.toHaveBeenCalledWith('milestone_achieved', expect.anything())

    fake.push(gettingStarted({ 'five-tasks': { state: 'achieved', current: 5, achievedAt: '2026-11-20T11:00:00.000Z' } }))
    await waitFor(() =>
      expect(onEvent).toHaveBeenCalledWith('milestone_achieved', {
        milestone_id: 'five-tasks',
        milestone_type: 'count',
        milestone_category: 'onboarding',
        days_since_signup: 10,
        user_id: 'u1',
        account_id: 'a1',
        timestamp: '2026-11-20T11:00:00.000Z',
      }),
    )
    expect(onEvent.mock.calls.filter(([name]) => name === 'milestone_achieved')).toHaveLength(1)
  })

  it('reports widget_viewed once, when the widget first scrolls into view', async () => {
    const observers: { callback: IntersectionObserverCallback }[] = []
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(readonly callback: IntersectionObserverCallback) {
          observers.push(this)
        }
        observe() {}
        disconnect() {}
      },
    )
    const onEvent = vi.fn()
    renderWithProvider(<ProgressWidget />, createFakeSource(), { onEvent })
    await screen.findByText('Level 1 · Getting started — 2 of 3')
    expect(onEvent).not.toHaveBeenCalledWith('widget_viewed', expect.anything())

    const seen = [{ isIntersecting: true }] as IntersectionObserverEntry[]
    for (const observer of observers) observer.callback(seen, observer as unknown as IntersectionObserver)
    for (const observer of observers) observer.callback(seen, observer as unknown as IntersectionObserver)
    expect(onEvent.mock.calls.filter(([name]) => name === 'widget_viewed')).toHaveLength(1)
  })

  it('sends tracked events through the source', async () => {
    const fake = createFakeSource()
    function TrackButton() {
      const track = useTrack()
      return (
        <button type="button" onClick={() => void track({ name: 'feature_used', properties: { feature: 'boards' } })}>
          Use boards
        </button>
      )
    }
    renderWithProvider(<TrackButton />, fake)
    screen.getByRole('button', { name: 'Use boards' }).click()
    await waitFor(() => expect(fake.source.track).toHaveBeenCalledWith({ name: 'feature_used', properties: { feature: 'boards' } }))
  })

  it('exposes a headless summary', async () => {
    function Summary() {
      const { status, overall, currentLevel } = useProgress()
      return <p>{`${status}: ${overall.completed}/${overall.total} in ${currentLevel?.title ?? '—'}`}</p>
    }
    renderWithProvider(<Summary />)
    expect(await screen.findByText('ready: 2/13 in Getting started')).toBeInTheDocument()
  })
})

describe('error boundary', () => {
  it('hides a crashed widget, reports it, and leaves the host page alone', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const onError = vi.fn()
    const renderLink = () => {
      throw new Error('router exploded')
    }
    render(<p>Host content</p>)
    renderWithProvider(<ProgressWidget />, createFakeSource(), { onError, renderLink })
    await waitFor(() => expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'router exploded' })))
    expect(document.querySelector('[data-cairn-widget]')).toBeNull()
    expect(screen.getByText('Host content')).toBeInTheDocument()
  })

  it('can show a small fallback instead', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const renderLink = () => {
      throw new Error('router exploded')
    }
    renderWithProvider(<ProgressWidget fallback={<p>Progress unavailable</p>} />, createFakeSource(), { renderLink })
    expect(await screen.findByText('Progress unavailable')).toBeInTheDocument()
  })
})
