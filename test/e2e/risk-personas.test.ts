// Acting on progress in the demo (DESIGN §7.1–7.2): the "Went quiet" persona comes back and is greeted calmly,
// and the "Open support case" persona is left in peace — no celebrations, no upsell steps.
import AxeBuilder from '@axe-core/playwright'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import type { MeProgress } from '../../src/core'
import { startHarness, type Harness, type PersonaId } from './harness'

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})

afterAll(async () => {
  await h?.close()
})

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Your progress' })

async function openAs(page: Page, context: BrowserContext, persona: PersonaId) {
  await h.usePersona(context, persona)
  await page.goto('/')
  await sidebar(page).locator('[data-cairn-widget][data-status="ready"]').first().waitFor()
}

/** What the API tells this context's widget right now. */
async function progressOf(context: BrowserContext): Promise<MeProgress> {
  const token = await h.tokenFor(context)
  const response = await context.request.get('/v1/me/progress', { headers: { Authorization: `Bearer ${token}` } })
  expect(response.ok()).toBe(true)
  return (await response.json()) as MeProgress
}

describe('risk personas', () => {
  test('"Went quiet": the visit that brings them back is greeted with a calm, specific welcome back', async () => {
    const { context, page } = await h.newPage({ reducedMotion: 'reduce' })
    await openAs(page, context, 'went-quiet')
    const nudge = sidebar(page).locator('[data-cairn-signal-nudge="went-quiet"]')
    await nudge.waitFor()
    expect(await nudge.getAttribute('data-signal-kind')).toBe('inactive')
    expect(await nudge.getByRole('heading').textContent()).toBe('Welcome back')
    // Level 1 is done and nothing of "Building momentum" yet: three steps to the next level, and the next one named.
    expect(await nudge.locator('[data-cairn-signal-nudge-line]').textContent()).toBe('Pick up where you left off: 3 steps to your next level')
    const step = await nudge.getAttribute('data-cairn-next-step')
    const progress = await progressOf(context)
    expect(step).toBe(progress.nextSteps[0]?.milestoneId)
    expect(await nudge.locator('[data-cairn-card-detail]').textContent()).toBe(progress.nextSteps[0]?.title)
    // The visit's own log-in ended the quiet spell: the API says so, and keeps the return for a day.
    const signal = progress.signals?.find((s) => s.id === 'went-quiet')
    expect(signal?.state).toBe('clear')
    expect(signal?.clearedAt).toBeDefined()
    await nudge.scrollIntoViewIfNeeded()
    await h.screenshot(page, 'risk-went-quiet-nudge')
  })

  test('"Open support case": no celebrations and no upsell step while the case is open', async () => {
    const { context, page } = await h.newPage({ reducedMotion: 'reduce' })
    await openAs(page, context, 'support-case')
    const progress = await progressOf(context)
    expect(progress.suppressed).toBeDefined()
    expect(progress.celebrations).toEqual([])
    const upsell = ['invite-teammate', 'three-active-teammates']
    expect(progress.nextSteps.map((s) => s.milestoneId).filter((id) => upsell.includes(id))).toEqual([])
    // The widget offers a next step, but not an upsell, and no nudge: a support case is no time for one.
    const next = sidebar(page).locator('[data-cairn-next-step]').first()
    await next.waitFor()
    expect(upsell).not.toContain(await next.getAttribute('data-cairn-next-step'))
    expect(await page.locator('[data-cairn-signal-nudge]').count()).toBe(0)

    // Achieving a milestone ("Run 3 projects": the persona has one) still shows, but celebrates nothing.
    expect(progress.milestones['three-projects']).toMatchObject({ current: 1, target: 3 })
    for (let i = 0; i < 2; i++) expect((await context.request.post('/demo-api/actions', { data: { action: 'create_project' } })).ok()).toBe(true)
    await expect.poll(async () => (await progressOf(context)).milestones['three-projects']?.state).toBe('achieved')
    await sidebar(page).locator('[data-cairn-milestone="three-projects"][data-state="achieved"]').waitFor({ state: 'attached' })
    expect((await progressOf(context)).celebrations).toEqual([])
    expect(await page.locator('[data-cairn-celebration]').count()).toBe(0)
    await h.screenshot(page, 'risk-support-case')
  })
})

describe('insights', () => {
  test('the insights page says how many people are at risk now, from the same numbers as the API', async () => {
    const { context, page } = await h.newPage({ reducedMotion: 'reduce' })
    await page.goto('/insights')
    const section = page.getByRole('region', { name: 'At risk now' })
    await section.waitFor()
    const quiet = await section.locator('[data-signal="went-quiet"]').textContent()
    const match = /^([\d,]+) users inactive for 14\+ days$/.exec(quiet ?? '')
    expect(match, quiet ?? '').not.toBeNull()
    const shown = Number(match?.[1]?.replace(/,/g, ''))
    expect(shown).toBeGreaterThan(0)
    const insights = (await (await context.request.get('/demo-api/insights')).json()) as { atRisk?: { signalId: string; active: number }[] }
    expect(insights.atRisk?.find((entry) => entry.signalId === 'went-quiet')?.active).toBe(shown)
    await section.scrollIntoViewIfNeeded()
    await h.screenshot(page, 'risk-insights-at-risk')
    const axe = await new AxeBuilder({ page }).include('[data-tk-at-risk]').analyze()
    expect(axe.violations.map((v) => v.id)).toEqual([])
  })
})
