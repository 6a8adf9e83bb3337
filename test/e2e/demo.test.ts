// The whole product in a real browser: Taskly + the Cairn widget + the API on an embedded, seeded database.
import AxeBuilder from '@axe-core/playwright'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startHarness, type Harness } from './harness'
import { milestone, openAs, sidebar } from './widget-page'
import { confettiDraws, focusInsideDialog, installConfettiProbe, overallProgress } from './probes'

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})

afterAll(async () => {
  await h?.close()
})

/** Opens the demo and waits for the checklist (rows of a finished level are collapsed, so attached, not visible). */
async function openDemoAs(page: Page, context: BrowserContext, persona: Parameters<Harness['usePersona']>[1], fresh = false) {
  await openAs(h, page, context, persona, fresh)
  await milestone(page, 'first-project').waitFor({ state: 'attached' })
}
const celebrationDialog = (page: Page) => page.getByRole('dialog', { name: 'You did it!' })

/** Reports the three "Getting started" steps through Taskly's backend, as clicks in the product would. */
async function finishGettingStartedViaBackend(context: BrowserContext) {
  const actions = ['create_project', 'add_task', 'add_task', 'add_task', 'add_task', 'add_task', 'invite_teammate']
  for (const action of actions) {
    const response = await context.request.post('/demo-api/actions', { data: { action } })
    expect(response.ok()).toBe(true)
  }
}

/** Pending celebration ids the API still holds for the context's user (acknowledged ones are gone). */
async function pendingCelebrations(context: BrowserContext): Promise<string[]> {
  const token = await h.tokenFor(context)
  const response = await context.request.get('/v1/me/progress', { headers: { authorization: `Bearer ${token}` } })
  const body = (await response.json()) as { celebrations: { id: string }[] }
  return body.celebrations.map((c) => c.id)
}

/** axe-core over the whole page, after settling transitions (mid-fade colours fail contrast checks). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' })
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

async function clickThrough(locator: Locator, times: number) {
  for (let i = 0; i < times; i++) await locator.click()
}

describe('Taskly demo with the Cairn widget', () => {
  test('a new user sees the first project land live, and level 1 ends in a celebration that never repeats', async () => {
    const { context, page } = await h.newPage()
    await installConfettiProbe(page)
    await openDemoAs(page, context, 'new', true)
    await expect.poll(() => milestone(page, 'first-project').getAttribute('data-state')).toBe('available')
    const before = await overallProgress(page)
    await h.screenshot(page, '01-new-user-empty')

    await page.getByRole('button', { name: 'Create project' }).click()
    await milestone(page, 'first-project', 'achieved').waitFor()
    await expect.poll(() => overallProgress(page)).toBeGreaterThan(before)
    await h.screenshot(page, '02-first-project-achieved')

    await clickThrough(page.getByRole('button', { name: 'Add task' }), 5)
    await milestone(page, 'five-tasks', 'achieved').waitFor()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click()
    await page.getByRole('button', { name: 'Invite teammate' }).click()

    const dialog = celebrationDialog(page)
    await dialog.waitFor()
    await expect.poll(() => focusInsideDialog(page)).toBe(true)
    await expect.poll(() => confettiDraws(page)).toBeGreaterThan(0)
    expect(await page.locator('[data-cairn-confetti]').count()).toBeGreaterThan(0)
    await h.screenshot(page, '03-level-one-celebration')

    await dialog.getByRole('button', { name: 'Keep going' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => pendingCelebrations(context)).not.toContain('level:getting-started')

    await page.reload()
    await milestone(page, 'invite-teammate', 'achieved').waitFor({ state: 'attached' })
    expect(await celebrationDialog(page).count()).toBe(0)
    await h.screenshot(page, '04-after-reload-no-repeat')
  })

  test('with reduced motion the level-up dialog is still announced but no confetti is drawn', async () => {
    const { context, page } = await h.newPage({ reducedMotion: 'reduce' })
    await installConfettiProbe(page)
    await openDemoAs(page, context, 'new', true)
    await finishGettingStartedViaBackend(context)

    const dialog = celebrationDialog(page)
    await dialog.waitFor()
    // A real modal: opened with showModal(), so the page behind is inert.
    expect(await dialog.evaluate((element) => element.matches('dialog:modal'))).toBe(true)
    await expect.poll(() => focusInsideDialog(page)).toBe(true)
    await h.screenshot(page, '05-reduced-motion-dialog')

    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    // Nothing had focus before (the backend finished the level): focus lands on the widget's heading, not <body>.
    expect(await page.evaluate(() => document.activeElement?.matches('[data-cairn-widget] [data-cairn-title]') ?? false)).toBe(true)
    await expect.poll(() => pendingCelebrations(context)).not.toContain('level:getting-started')
    expect(await confettiDraws(page)).toBe(0)
  })

  test('the widget works with the keyboard alone, and the launcher returns focus when closed', async () => {
    const { context, page } = await h.newPage()
    await openDemoAs(page, context, 'halfway')

    const focusedIs = (selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)
    const tabUntil = async (selector: string) => {
      for (let i = 0; i < 80 && !(await focusedIs(selector)); i++) await page.keyboard.press('Tab')
      expect(await focusedIs(selector)).toBe(true)
    }

    const levelToggle = '[data-cairn-widget] [data-cairn-level] [aria-expanded]'
    await tabUntil(levelToggle)
    const expanded = () => page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))
    const initially = await expanded()
    await page.keyboard.press('Enter')
    await expect.poll(expanded).not.toBe(initially)
    await page.keyboard.press('Space')
    await expect.poll(expanded).toBe(initially)
    await h.screenshot(page, '06-keyboard-level-toggle')
  })

  test('on a narrower screen the launcher takes the sidebar\'s place and returns focus when closed', async () => {
    const { context, page } = await h.newPage({ viewport: { width: 1024, height: 800 } })
    await h.usePersona(context, 'halfway')
    await page.goto('/')
    const focusedIs = (selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)
    const tabUntil = async (selector: string) => {
      for (let i = 0; i < 80 && !(await focusedIs(selector)); i++) await page.keyboard.press('Tab')
      expect(await focusedIs(selector)).toBe(true)
    }
    const launcher = '[data-cairn-launcher-button]'
    await page.locator(launcher).waitFor()
    expect(await sidebar(page).count()).toBe(0)
    await tabUntil(launcher)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator(launcher).getAttribute('aria-expanded')).toBe('true')
    await h.screenshot(page, '07-launcher-open')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator(launcher).getAttribute('aria-expanded')).toBe('false')
    await expect.poll(() => focusedIs(launcher)).toBe(true)
  })

  test('the benchmark sentence shows for a big segment and stays hidden for a small one', async () => {
    const { context, page } = await h.newPage()
    await openDemoAs(page, context, 'halfway')
    const benchmark = sidebar(page).getByRole('region', { name: 'How you compare' })
    // Which sentence shows depends on where the persona stands (no ranking below the median); one always does.
    await benchmark.locator('[data-cairn-benchmark]').first().waitFor()
    expect(await benchmark.innerText()).toMatch(/teams (like yours|at your stage)/i)
    await h.screenshot(page, '08-benchmark-halfway')

    // Switch persona in the demo bar: the widget remounts for the other user without a page load.
    await page.getByLabel('Viewing as').selectOption('small-segment')
    await page.locator('[data-demo-user="persona-small-segment"]').waitFor({ state: 'attached' })
    await sidebar(page).locator('[data-cairn-widget][data-status="ready"]').waitFor()
    await milestone(page, 'first-project').waitFor({ state: 'attached' })
    // The benchmark arrives in the same snapshot as the rows, so once rows show, its absence is settled.
    expect(await sidebar(page).locator('[data-cairn-benchmark-card], [data-cairn-benchmark]').count()).toBe(0)
    expect(await sidebar(page).getByText(/teams (like yours|at your stage)/i).count()).toBe(0)
    await h.screenshot(page, '09-no-benchmark-small-segment')
  })

  test('the team view draws its insights as titled SVG charts, with no axe violations', async () => {
    const { page } = await h.newPage({ reducedMotion: 'reduce' })
    await page.goto('/insights')
    const charts = page.locator('svg[role="img"]')
    await charts.first().waitFor()
    for (const name of ['Completion rate per milestone', 'Drop-off across level steps', 'Median time to milestone', 'Milestone velocity per week']) {
      await page.getByRole('heading', { name }).waitFor()
    }
    expect(await charts.count()).toBeGreaterThanOrEqual(4)
    const titles = await charts.evaluateAll((svgs) => svgs.map((svg) => svg.querySelector(':scope > title')?.textContent ?? ''))
    expect(titles.every((t) => t.length > 0)).toBe(true)
    await h.screenshot(page, '10-insights')
    expect(await axeViolations(page)).toEqual([])
  })

  test('live updates come over a stream opened with a single-use ticket: no URL the page requests carries the user token', async () => {
    const { context, page } = await h.newPage()
    const urls: URL[] = []
    page.on('request', (request) => void urls.push(new URL(request.url())))
    await openDemoAs(page, context, 'new', true)
    const streams = () => urls.filter((u) => u.pathname === '/v1/me/stream')
    await expect.poll(() => streams().length).toBeGreaterThan(0)
    expect(streams().every((u) => /^[A-Za-z0-9_-]{43}$/.test(u.searchParams.get('ticket') ?? ''))).toBe(true)

    // Only the stream can tell the page: the project is created through Taskly's backend, not in this page.
    expect((await context.request.post('/demo-api/actions', { data: { action: 'create_project' } })).ok()).toBe(true)
    await milestone(page, 'first-project', 'achieved').waitFor()

    // Every user token is a JWT, and every JWT starts with "eyJ" (base64url of '{"').
    expect(urls.filter((u) => u.searchParams.has('token') || u.href.includes('eyJ')).map(String)).toEqual([])
  })

  test('the demo page has no axe violations', async () => {
    const { context, page } = await h.newPage({ reducedMotion: 'reduce' })
    await openDemoAs(page, context, 'halfway')
    expect(await axeViolations(page)).toEqual([])
  })
})
