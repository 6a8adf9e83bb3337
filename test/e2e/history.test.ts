// The customer's look back: the Reports page of the demo shows the persona's milestones over time, by month,
// from the real API, and the badge shelf says how rare each badge is among teams like theirs.
import AxeBuilder from '@axe-core/playwright'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startHarness, type Harness } from './harness'
import { openAs, sidebar } from './widget-page'

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})

afterAll(async () => {
  await h?.close()
})

describe('milestones over time and badge rarity in the demo', () => {
  test('the Reports page shows what the power user achieved, month by month, newest first', async () => {
    const { context, page } = await h.newPage({ reducedMotion: 'reduce' })
    await openAs(h, page, context, 'power')
    await page.goto('/reports')
    const timeline = page.getByRole('region', { name: 'Your milestones over time' })
    await page.locator('[data-cairn-timeline][data-state="ready"]').waitFor()
    const months = await timeline.getByRole('heading', { level: 3 }).allTextContents()
    expect(months.length).toBeGreaterThanOrEqual(2)
    // Newest first: month headings run backwards in time.
    const starts = await timeline.locator('[data-cairn-timeline-month]').evaluateAll((sections) => sections.map((s) => s.getAttribute('data-cairn-timeline-month')!))
    expect([...starts].sort().reverse()).toEqual(starts)
    await timeline.getByText('Completed Getting started').waitFor()
    await timeline.getByText('Earned the Organized badge').waitFor()
    const times = await timeline.locator('time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')))
    expect(times.every((t) => t !== null && !Number.isNaN(Date.parse(t)))).toBe(true)
    await h.screenshot(page, 'history-reports-timeline')

    await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' })
    const result = await new AxeBuilder({ page }).include('[data-cairn-timeline]').analyze()
    expect(result.violations.map((v) => v.id)).toEqual([])
  })

  test('badges on the shelf say how many teams like yours earned them, from the seeded cohort', async () => {
    const { context, page } = await h.newPage()
    await openAs(h, page, context, 'halfway')
    const line = sidebar(page).locator('[data-cairn-badge-rarity]').first()
    await line.waitFor()
    expect(await line.textContent()).toMatch(/^Earned by \d{1,3}% of teams like yours$/)
    await h.screenshot(page, 'history-badge-rarity')
  })
})
