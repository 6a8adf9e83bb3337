import { screen, waitFor, within } from '@testing-library/react'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { Celebration } from '../../../src/core'
import { ProgressWidget } from '../../../src/react'
import { CELEBRATION_CHUNK } from '../../../src/react/celebrations/celebration-host'
import { createFakeSource, gettingStarted, renderWithProvider } from '../fixtures'
import { useReducedMotionPerTest } from './harness'

vi.mock('canvas-confetti', () => ({ default: { create: () => Object.assign(() => null, { reset: () => {} }) } }))

useReducedMotionPerTest()
beforeAll(() => CELEBRATION_CHUNK.load())

const fiveTasks: Celebration = {
  id: 'milestone:five-tasks', kind: 'milestone', refId: 'five-tasks', title: 'Add 5 tasks', style: 'toast', priority: 0,
  achievedAt: '2026-11-20T11:00:00.000Z',
}
const achieved = { 'five-tasks': { state: 'achieved' as const, current: 5, achievedAt: '2026-11-20T11:00:00.000Z' } }

/** Every live region's text: what a screen reader is told, once per region. */
const spoken = () => [...document.querySelectorAll('[aria-live]')].map((region) => region.textContent ?? '').join(' | ')
const mentions = (text: string, phrase: string) => text.split(phrase).length - 1

describe('one announcer per achievement', () => {
  it('announces an achievement that has a toast once — by the toast, not again by the widget’s live region', async () => {
    const fake = createFakeSource()
    renderWithProvider(<ProgressWidget />, fake, { strict: false })
    await screen.findByText('Level 1 · Getting started — 2 of 3')

    fake.push({ ...gettingStarted(achieved), celebrations: [fiveTasks] })
    const region = await screen.findByRole('region', { name: 'Celebrations' })
    await waitFor(() => expect(within(region).getByRole('status')).toHaveTextContent('Milestone achieved: Add 5 tasks'))
    expect(mentions(spoken(), 'Add 5 tasks')).toBe(1)
  })

  it('lets the live region announce an achievement that has no visible celebration', async () => {
    const fake = createFakeSource()
    renderWithProvider(<ProgressWidget />, fake, { strict: false })
    await screen.findByText('Level 1 · Getting started — 2 of 3')

    fake.push({ ...gettingStarted(achieved), celebrations: [{ ...fiveTasks, style: 'none' }] })
    const live = document.querySelector('[data-cairn-live]')!
    await waitFor(() => expect(live).toHaveTextContent('Add 5 tasks achieved. 3 of 3 in Getting started'))
    expect(mentions(spoken(), 'Add 5 tasks')).toBe(1)
  })
})
