// Issue 16's done-criterion in a real browser: two people of one account in two browser contexts. One achieves the
// account's milestone; the other, with the widget open, hears of it live over SSE. Then the level-up dialog's share
// action makes a public page that names the achievement and the product, nothing about the person, and passes axe.
import AxeBuilder from '@axe-core/playwright'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startHarness, type Harness } from './harness'
import { milestone, openAs } from './widget-page'

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})

afterAll(async () => {
  await h?.close()
})

/** Reports clicks in Taskly through its backend, as the product would. */
async function act(context: BrowserContext, action: string, properties?: Record<string, string>) {
  const response = await context.request.post('/demo-api/actions', { data: { action, ...(properties && { properties }) } })
  expect(response.ok()).toBe(true)
}

/** Marks the page so a later check can tell it was never reloaded or navigated away from. */
async function markPage(page: Page) {
  await page.evaluate(() => Object.assign(window, { __cairnSamePage: true }))
}
const stillSamePage = (page: Page) => page.evaluate(() => (window as { __cairnSamePage?: boolean }).__cairnSamePage === true)

describe('team moments and sharing (two teammates, one account)', () => {
  test('a teammate sees the team milestone arrive live, and the share link from the level-up dialog opens a clean public page', async () => {
    const teammate = await h.newPage()
    const achiever = await h.newPage()
    await openAs(h, teammate.page, teammate.context, 'halfway-teammate')
    await openAs(h, achiever.page, achiever.context, 'halfway')
    const teamRow = milestone(teammate.page, 'three-active-teammates')
    await teamRow.waitFor({ state: 'attached' })
    expect(await teamRow.getAttribute('data-state')).not.toBe('achieved')
    await markPage(teammate.page)

    // "Halfway there" invites someone, who accepts and signs in: the third active person on the team.
    await achiever.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click()
    await achiever.page.getByRole('textbox', { name: "Teammate's email" }).fill('mei@example.com')
    await achiever.page.getByRole('button', { name: 'Invite teammate' }).click()
    await achiever.page.getByRole('button', { name: 'Demo: mei@example.com accepts and signs in' }).click()

    // The teammate, who did nothing, hears it as a team moment, live.
    await teammate.page.getByText('Your team just achieved: Get 3 teammates active').waitFor()
    await milestone(teammate.page, 'three-active-teammates', 'achieved').waitFor({ state: 'attached' })
    expect(await stillSamePage(teammate.page)).toBe(true)
    await h.screenshot(teammate.page, '30-teammate-team-announcement')

    // "Halfway there" finishes "Building momentum": the level-up dialog, with its share action.
    for (let i = 0; i < 4; i++) await act(achiever.context, 'complete_task')
    await act(achiever.context, 'create_project')
    await act(achiever.context, 'use_feature', { feature: 'timeline-view' })
    const dialog = achiever.page.getByRole('dialog', { name: 'You did it!' })
    await dialog.waitFor()
    await expect.poll(() => dialog.getAttribute('data-cairn-celebration')).toBe('level:building-momentum')
    // One moment, one celebration: the level's own steps, toasted moments before, are not left beside its dialog.
    const toastTitles = await achiever.page.locator('[data-cairn-toast-title]').allTextContents()
    expect(toastTitles.filter((title) => /Complete 10 tasks|Run 3 projects|Try 3 different features/.test(title))).toEqual([])
    await dialog.getByRole('button', { name: 'Share' }).click()
    await dialog.getByRole('textbox', { name: 'Your first name (optional)' }).fill('Alex')
    await dialog.getByRole('button', { name: 'Create link' }).click()
    const link = dialog.getByRole('textbox', { name: 'Link to your page' })
    await link.waitFor()
    const url = await link.inputValue()
    expect(url).toMatch(/^http:\/\/[^/]+\/s\/[A-Za-z0-9_-]{22}$/)
    await dialog.getByRole('button', { name: 'Copy link' }).waitFor()
    await h.screenshot(achiever.page, '31-level-up-dialog-share-link')

    // An earned badge on the shelf offers the same action (its panel arrives with import() on first need).
    await dialog.getByRole('button', { name: 'Keep going' }).click()
    await dialog.waitFor({ state: 'detached' })
    // Toasts sit over the sidebar's lower corner: dismissed first (moving focus to them would close the floating
    // panel), so the screenshot shows the panel.
    const dismiss = achiever.page.getByRole('button', { name: 'Dismiss' })
    while ((await dismiss.count()) > 0) await dismiss.first().click()
    const shelf = achiever.page.getByRole('complementary', { name: 'Your progress' }).getByRole('region', { name: 'Badges' })
    // Each badge's box relative to the shelf (clicking may scroll the page).
    const badgeBoxes = () =>
      shelf.locator('[data-cairn-badge]').evaluateAll((items) =>
        items.map((item) => {
          const box = item.getBoundingClientRect()
          const origin = item.closest('[data-cairn-badge-shelf]')!.getBoundingClientRect()
          return [box.x - origin.x, box.y - origin.y, box.width, box.height]
        }),
      )
    const before = await badgeBoxes()
    await shelf.getByRole('button', { name: 'Share Productive' }).click()
    await shelf.getByRole('textbox', { name: 'Your first name (optional)' }).waitFor()
    expect(await shelf.getByRole('button', { name: /^Share / }).count()).toBe(2) // Organized and Productive; Power User is not earned
    // The panel floats over the shelf: no badge moves or changes size when it opens.
    expect(await badgeBoxes()).toEqual(before)
    const shelfAxe = await new AxeBuilder({ page: achiever.page }).include('[data-cairn-badge-shelf]').analyze()
    expect(shelfAxe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    await shelf.getByRole('button', { name: 'Create link' }).scrollIntoViewIfNeeded()
    await h.screenshot(achiever.page, '33-badge-shelf-share-panel')

    // Anyone with the link: a visitor with no session sees the achievement, the product and the typed name only.
    const visitor = await h.newPage()
    const response = await visitor.page.goto(url)
    expect(response?.status()).toBe(200)
    await visitor.page.getByRole('heading', { level: 1, name: 'Building momentum' }).waitFor()
    const text = await visitor.page.locator('body').innerText()
    expect(text).toContain('Alex reached the level “Building momentum” in Taskly')
    const html = await visitor.page.content()
    for (const secret of ['persona-halfway', 'acct-persona-halfway', 'mei@example.com', '@']) expect(html).not.toContain(secret)
    expect(await visitor.page.locator('meta[property="og:title"]').getAttribute('content')).toBe('Alex reached the level “Building momentum” in Taskly')
    const axe = await new AxeBuilder({ page: visitor.page }).analyze()
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    await h.screenshot(visitor.page, '32-share-page')
  })
})
