// The demo as a visitor uses it: every call to action leads somewhere real and can be done there, the
// demo bar stays true, the language switch changes widget and program text together, and the layout holds
// from a wide screen down to a 375 px phone.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { demoProgram } from '../../src/core'
import { startHarness, type Harness } from './harness'
import { milestone, openAs, sidebar } from './widget-page'

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})

afterAll(async () => {
  await h?.close()
})

/** Where each call to action of the Taskly program must land: the page's heading. */
const CTA_PAGES: Record<string, string> = {
  '/projects/new': 'Projects',
  '/tasks/new': 'Projects',
  '/team/invite': 'Team',
  '/tasks?filter=open': 'Projects',
  '/features': 'Features',
  '/automations': 'Automations',
  '/reports/new': 'Reports',
  '/integrations': 'Integrations',
  '/tasks?filter=due-this-week': 'Projects',
  '/getting-started': 'Getting started',
}

describe('the Taskly demo as a visitor uses it', () => {
  test('every call to action of the program opens the page that does what it says', async () => {
    const hrefs = [...new Set(demoProgram.milestones.flatMap((m) => (m.cta ? [m.cta.href] : [])))]
    expect(hrefs.sort()).toEqual(Object.keys(CTA_PAGES).sort())
    const { context, page } = await h.newPage()
    await openAs(h, page, context, 'halfway')
    for (const href of hrefs) {
      await page.goto(href)
      await expect.poll(() => page.getByRole('main').getByRole('heading', { level: 1 }).textContent(), { message: href }).toBe(CTA_PAGES[href])
    }
    // "Add a task" puts the cursor where a task is added.
    await page.goto('/tasks/new')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('tk-new-task')
    // "Pick up where you left off" lists the set-up steps, each with its own way forward.
    await page.goto('/getting-started')
    await page.locator('[data-step="first-project"]').waitFor()
    expect(await page.locator('[data-step]').count()).toBe(3)
  })

  test('"Get 3 teammates active" is completed by doing what its call to action says: invite, and they join', async () => {
    const { context, page } = await h.newPage()
    await openAs(h, page, context, 'new', true)
    await milestone(page, 'three-active-teammates').waitFor({ state: 'attached' })
    await sidebar(page).locator('[data-cairn-cta="three-active-teammates"]').click()
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/team/invite')
    const invite = page.getByRole('button', { name: 'Invite teammate' })
    await invite.click()
    await page.locator('[data-teammate]').first().waitFor()
    await invite.click()
    await expect.poll(() => page.locator('[data-teammate]').count()).toBe(2)
    for (const email of await page.locator('[data-teammate]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-teammate')))) {
      await page.getByRole('button', { name: `Demo: ${email} accepts and signs in` }).click()
      await page.locator(`[data-teammate="${email}"][data-joined]`).waitFor()
    }
    await milestone(page, 'three-active-teammates', 'achieved').waitFor({ state: 'attached' })
    expect(await page.locator('[data-team-active]').getAttribute('data-team-active')).toBe('3')
    await h.screenshot(page, 'journey-team-active')
  })

  test('"Explore features" shows what counts as a feature, and opening views completes it', async () => {
    const { context, page } = await h.newPage()
    await openAs(h, page, context, 'new', true)
    await page.getByRole('button', { name: 'Create project' }).click()
    await milestone(page, 'first-project', 'achieved').waitFor()
    await page.goto('/features')
    await page.getByRole('heading', { name: 'Ways to look at your work' }).waitFor()
    expect(await page.locator('[data-feature]').evaluateAll((items) => items.map((i) => i.getAttribute('data-feature')))).toEqual([
      'board-view',
      'list-view',
      'timeline-view',
    ])
    for (const name of ['Board view', 'List view', 'Timeline view']) {
      await page.goto('/features')
      await page.getByRole('button', { name: `Open ${name}` }).click()
      await expect.poll(() => page.getByRole('group', { name: 'View' }).locator('[aria-pressed="true"]').textContent()).toBe(name.replace(' view', ''))
    }
    await milestone(page, 'three-features', 'achieved').waitFor({ state: 'attached' })
    await page.goto('/features')
    await page.getByRole('heading', { name: 'Ways to look at your work' }).waitFor()
    await expect.poll(() => page.getByText('Tried', { exact: true }).count()).toBe(3)
  })

  test('the demo bar tells the truth: simulated log-ins only after sign-up, and a hint that follows what you did', async () => {
    const { context, page } = await h.newPage()
    await openAs(h, page, context, 'new', true)
    const hint = page.locator('[data-demo-hint]')
    await expect.poll(() => hint.textContent()).toContain('signed up today · nothing achieved yet')
    // Signed up moments ago: there is no earlier day to log in on.
    expect(await page.getByRole('button', { name: /Simulate/ }).isDisabled()).toBe(true)
    await page.getByRole('button', { name: 'Create project' }).click()
    await expect.poll(() => hint.textContent()).toContain('1 milestone achieved')

    await openAs(h, page, context, 'halfway')
    await expect.poll(() => hint.textContent()).toMatch(/signed up 12 days ago · \d+ milestones achieved/)
    await page.getByRole('button', { name: 'Simulate a week of log-ins' }).click()
    await page.getByText('Logged in on 7 days since sign-up').waitFor()
  })

  test('the language switch changes the widget and the program text together, and back', async () => {
    const { context, page } = await h.newPage()
    await openAs(h, page, context, 'new', true)
    await page.getByLabel('Language').selectOption('de')
    await sidebar(page).getByRole('heading', { name: 'Dein Fortschritt' }).waitFor()
    await milestone(page, 'first-project').getByText('Lege dein erstes Projekt an').waitFor()
    expect(await sidebar(page).getByText('Create your first project').count()).toBe(0)
    await h.screenshot(page, 'journey-german')
    await page.reload()
    await milestone(page, 'first-project').getByText('Lege dein erstes Projekt an').waitFor()
    await page.getByLabel('Language').selectOption('en')
    await milestone(page, 'first-project').getByText('Create your first project').waitFor()
    await sidebar(page).getByRole('heading', { name: 'Your progress' }).waitFor()
  })

  test('the insights funnel is one sequence on one scale, with milestones outside levels, the missed rate and a labelled partial week', async () => {
    const { page } = await h.newPage({ reducedMotion: 'reduce' })
    await page.goto('/insights')
    const funnel = page.locator('[data-funnel-step]')
    await funnel.first().waitFor()
    const steps = await funnel.evaluateAll((rows) => rows.map((r) => ({ id: r.getAttribute('data-funnel-step'), change: r.getAttribute('data-change'), text: r.textContent ?? '' })))
    const programSteps = demoProgram.levels.flatMap((level) => level.milestones)
    expect(steps.map((s) => s.id)).toEqual(programSteps)
    // Every step after the first is compared with the one above, including each level's first step.
    expect(steps.slice(1).every((s) => s.change !== null)).toBe(true)
    for (const s of steps.slice(1)) {
      const change = Number(s.change)
      if (change > 0.005) expect(s.text, s.id ?? '').toMatch(/\+\d+%/)
      if (change < -0.005) expect(s.text, s.id ?? '').toMatch(/−\d+%/)
    }
    await page.getByRole('heading', { name: 'Outside levels' }).waitFor()
    const outside = page.locator('svg[aria-labelledby]').filter({ has: page.locator('title', { hasText: 'Completion rate of milestones outside levels' }) })
    expect(await outside.textContent()).toContain('Finish setting up in your first week')
    expect(await outside.textContent()).toMatch(/\d+% missed/)
    expect(await page.locator('[data-partial]').count()).toBe(1)
    await page.getByText(/The last column is this week so far/).waitFor()
    await h.screenshot(page, 'journey-insights')
  })

  test('on a wide screen the sidebar widget stands alone, with no launcher floating over it', async () => {
    for (const width of [1440, 1200]) {
      const { context, page } = await h.newPage({ viewport: { width, height: 900 } })
      await openAs(h, page, context, 'halfway')
      await sidebar(page).locator('[data-cairn-widget]').waitFor()
      expect(await page.locator('[data-cairn-launcher-button]').count()).toBe(0)
      await context.close()
    }
  })

  test('at 375 px the whole demo fits: no sideways scrolling, the navigation collapses, the widget opens from the launcher', async () => {
    const { context, page } = await h.newPage({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true })
    await h.usePersona(context, 'halfway')
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
    for (const path of ['/', '/team', '/features', '/getting-started', '/automations', '/reports', '/insights']) {
      await page.goto(path)
      await page.getByRole('main').getByRole('heading', { level: 1 }).waitFor()
      expect(await fits(), path).toBe(true)
    }
    await page.goto('/')
    const menu = page.getByRole('button', { name: 'Menu' })
    expect(await menu.getAttribute('aria-expanded')).toBe('false')
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).isVisible()).toBe(false)
    await h.screenshot(page, 'journey-375-home')
    await menu.click()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click()
    await page.getByRole('main').getByRole('heading', { name: 'Team', level: 1 }).waitFor()
    expect(await menu.getAttribute('aria-expanded')).toBe('false')

    await page.locator('[data-cairn-launcher-button]').click()
    await page.locator('[data-cairn-widget][data-status="ready"]').waitFor()
    expect(await fits()).toBe(true)
    await h.screenshot(page, 'journey-375-launcher')
  })
})
