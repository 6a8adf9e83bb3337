import { act, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Benchmarks } from '../../src/core'
import { BadgeShelf } from '../../src/react'
import { BENCHMARK_VIEW } from '../../src/react/components/benchmark-card'
import { createFakeSource, makeProgress, renderWithProvider } from './fixtures'

const cohort = (badges?: Benchmarks['badges'], comparedAs?: Benchmarks['comparedAs']): Benchmarks => ({
  cohortSize: 240,
  percentile: 60,
  typicalAchievedAtStage: 2,
  milestones: {},
  ...(badges && { badges }),
  ...(comparedAs && { comparedAs }),
})

const withRarity = (badges?: Benchmarks['badges'], withBenchmarks = true, comparedAs?: Benchmarks['comparedAs']) =>
  makeProgress({}, { badges: [{ id: 'organized', earnedAt: '2026-11-03T10:00:00.000Z' }], ...(withBenchmarks && { benchmarks: cohort(badges, comparedAs) }) })

const badge = (id: string) => document.querySelector<HTMLElement>(`[data-cairn-badge="${id}"]`)
const rarity = (id: string) => badge(id)?.querySelector('[data-cairn-badge-rarity]') ?? null

describe('badge rarity on the shelf', () => {
  it('tells how many teams like yours earned each badge, earned or still to earn', async () => {
    renderWithProvider(<BadgeShelf />, createFakeSource(withRarity({ organized: { earnedShare: 0.624 }, productive: { earnedShare: 0.12 }, 'power-user': { earnedShare: 0.031 } })))
    await waitFor(() => expect(rarity('organized')).toHaveTextContent('Earned by 62% of teams like yours'))
    expect(badge('organized')).toHaveAttribute('data-state', 'earned')
    expect(rarity('productive')).toHaveTextContent('Earned by 12% of teams like yours')
    expect(badge('productive')).toHaveAttribute('data-state', 'locked')
    expect(rarity('power-user')).toHaveTextContent('Earned by 3% of teams like yours')
  })

  it('says nothing where no honest number exists: nobody yet, under 0.5%, or a badge the cohort has no figure for', async () => {
    renderWithProvider(<BadgeShelf />, createFakeSource(withRarity({ organized: { earnedShare: 0 }, productive: { earnedShare: 0.004 } })))
    await waitFor(() => expect(badge('organized')).toBeInTheDocument())
    await act(() => BENCHMARK_VIEW.load()) // the rarity's words have arrived, and still say nothing
    expect(rarity('organized')).toBeNull()
    expect(rarity('productive')).toBeNull()
    expect(rarity('power-user')).toBeNull()
  })

  it('shows no rarity without benchmarks (a cohort below k, or local mode)', async () => {
    renderWithProvider(<BadgeShelf />, createFakeSource(withRarity(undefined, false)))
    await waitFor(() => expect(badge('organized')).toBeInTheDocument())
    expect(document.querySelector('[data-cairn-badge-rarity]')).toBeNull()
  })

  it('shows no rarity from a server that sends benchmarks without badge figures', async () => {
    renderWithProvider(<BadgeShelf />, createFakeSource(withRarity(undefined)))
    await waitFor(() => expect(badge('organized')).toBeInTheDocument())
    expect(document.querySelector('[data-cairn-badge-rarity]')).toBeNull()
  })

  it('counts people like you, not teams, for a reader compared on their own (no account)', async () => {
    renderWithProvider(<BadgeShelf />, createFakeSource(withRarity({ organized: { earnedShare: 0.624 }, productive: { earnedShare: 0.12 } }, true, 'user')))
    await waitFor(() => expect(rarity('organized')).toHaveTextContent('Earned by 62% of people like you'))
    expect(rarity('productive')).toHaveTextContent('Earned by 12% of people like you')
  })

  it('counts teams like yours for a reader compared as their account', async () => {
    renderWithProvider(<BadgeShelf />, createFakeSource(withRarity({ productive: { earnedShare: 0.12 } }, true, 'account')))
    await waitFor(() => expect(rarity('productive')).toHaveTextContent('Earned by 12% of teams like yours'))
  })

  it('counts people in German too', async () => {
    renderWithProvider(<BadgeShelf />, createFakeSource(withRarity({ productive: { earnedShare: 0.12 } }, true, 'user')), { locale: 'de' })
    await waitFor(() => expect(rarity('productive')).toHaveTextContent('Erhalten von 12 % der Leute wie du'))
  })

  it('is written in the widget locale', async () => {
    renderWithProvider(<BadgeShelf />, createFakeSource(withRarity({ productive: { earnedShare: 0.12 } })), { locale: 'de' })
    await waitFor(() => expect(rarity('productive')).toHaveTextContent('Erhalten von 12 % der Teams wie deines'))
  })
})
