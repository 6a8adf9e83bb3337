import { Profiler, type ProfilerOnRenderCallback } from 'react'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { MeProgress } from '../../src/core'
import { AchievementTimeline, ProgressLauncher, ProgressWidget } from '../../src/react'
import { createFakeSource, gettingStarted, renderWithProvider } from './fixtures'

const heldOut = (): MeProgress => ({ ...gettingStarted(), holdout: true })

/** What anyone sees before the first snapshot says who is held out: loading, a failure and its retry, the frame. */
const BEFORE_THE_SNAPSHOT = new Set(['Your progress', 'Loading your progress…', "We couldn't load your progress.", 'Try again', 'Close'])

/** Every text and accessible name of Cairn's parts at each commit: what a reader saw or heard, commit by commit. */
function commitLog() {
  const seen = new Set<string>()
  const onRender: ProfilerOnRenderCallback = () => {
    for (const part of document.querySelectorAll('[data-cairn-launcher], [data-cairn-timeline], [data-cairn-widget]')) {
      const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent?.trim()) seen.add(node.textContent.trim())
      for (const named of part.querySelectorAll('[aria-label]')) seen.add(named.getAttribute('aria-label') ?? '')
    }
  }
  return { seen, onRender }
}

/** The launcher (opened, as with `defaultOpen`), a dashboard's timeline and the widget, as a host may mount them. */
const parts = (
  <>
    <p>Host content</p>
    <ProgressLauncher defaultOpen />
    <AchievementTimeline />
    <ProgressWidget />
  </>
)

const cairnParts = () => document.querySelectorAll('[data-cairn-launcher], [data-cairn-timeline], [data-cairn-widget]')

describe('a held-out user before the first snapshot (DESIGN §7.6)', () => {
  it('sees only the loading state, the same as everyone, then nothing', async () => {
    const fake = createFakeSource(heldOut())
    const { seen, onRender } = commitLog()
    renderWithProvider(<Profiler id="parts" onRender={onRender}>{parts}</Profiler>, fake)
    await waitFor(() => expect(cairnParts()).toHaveLength(0))
    expect(seen.has('Loading your progress…')).toBe(true) // the loading state was there, so the check below proves something
    expect([...seen].filter((text) => !BEFORE_THE_SNAPSHOT.has(text))).toEqual([])
    expect(screen.getByText('Host content')).toBeInTheDocument()
  })

  it('sees a failed first load as a failure, never a "0 of 0" count or a heading, then nothing once a retry loads', async () => {
    const fake = createFakeSource(heldOut())
    fake.failLoads()
    const { seen, onRender } = commitLog()
    renderWithProvider(<Profiler id="parts" onRender={onRender}>{parts}</Profiler>, fake)
    await waitFor(() => expect(document.querySelector('[data-cairn-widget]')).toHaveAttribute('data-status', 'error'))
    fake.recover()
    await userEvent.click(screen.getAllByRole('button', { name: 'Try again' })[0]!)
    await waitFor(() => expect(cairnParts()).toHaveLength(0))
    expect(seen.has("We couldn't load your progress.")).toBe(true)
    expect([...seen].filter((text) => !BEFORE_THE_SNAPSHOT.has(text))).toEqual([])
  })
})
