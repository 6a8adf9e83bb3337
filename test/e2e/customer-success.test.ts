// The customer-success page end to end: Cairn's accounts view through Taskly's backend, and webhooks registered
// with Taskly's own receiver arriving signed while the product is used.
import AxeBuilder from '@axe-core/playwright'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startHarness, type Harness } from './harness'

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})

afterAll(async () => {
  await h?.close()
})

describe('Customer success', () => {
  test('lists accounts by segment with a reason and a suggested action, with no axe violations', async () => {
    const { page } = await h.newPage({ reducedMotion: 'reduce' })
    await page.goto('/success')
    await page.getByRole('heading', { level: 1, name: 'Customer success' }).waitFor()
    expect(await page.getByRole('button', { name: 'At risk' }).getAttribute('aria-pressed')).toBe('true')
    const rows = page.locator('tbody tr')
    await rows.first().waitFor()
    // The seeded cohort has accounts at risk, each with something to do about it.
    expect(await rows.count()).toBeGreaterThan(0)
    const action = (await rows.first().locator('td').last().textContent()) ?? ''
    expect(action).toMatch(/^(Check in|Usage dropped|Behind typical pace)/)

    await page.getByRole('button', { name: 'Expansion' }).click()
    await expect.poll(() => page.getByRole('button', { name: 'Expansion' }).getAttribute('aria-pressed')).toBe('true')
    await page.locator('tbody tr, .tk-success > p.tk-muted').first().waitFor()
    await h.screenshot(page, '12-customer-success')

    const axe = await new AxeBuilder({ page }).include('main').analyze()
    expect(axe.violations.map((v) => v.id)).toEqual([])
  })

  test('connects Taskly’s receiver and shows a signed delivery when a milestone is achieved', async () => {
    const { context, page } = await h.newPage({ reducedMotion: 'reduce' })
    await h.usePersona(context, 'new', { fresh: true })
    await page.goto('/success')
    await page.getByRole('button', { name: 'Connect Taskly’s receiver' }).click()
    await page.getByText('Connected: every event type goes to Taskly’s backend.').waitFor()

    const acted = await context.request.post('/demo-api/actions', { data: { action: 'create_project' } })
    expect(acted.ok()).toBe(true)
    const delivery = page.locator('[data-delivery-type="milestone.achieved"]').first()
    await delivery.waitFor({ timeout: 30_000 })
    expect(await delivery.textContent()).toMatch(/signature verified/)
    await h.screenshot(page, '13-webhooks')
  })

  test('the insights page reports retention with and without early milestones, density and completion by plan', async () => {
    const { page } = await h.newPage({ reducedMotion: 'reduce' })
    await page.goto('/insights')
    const section = page.getByRole('region', { name: 'Is the program working?' })
    await section.waitFor()
    const figures = await section.locator('dl dd').allTextContents()
    expect(figures[0]).toMatch(/^\d+% · [\d,]+ of [\d,]+ accounts$/)
    expect(figures[1]).toMatch(/^\d+% · [\d,]+ of [\d,]+ accounts$/)
    expect(figures[2]).toMatch(/^\d+(\.\d+)?$/)
    expect(await section.locator('tbody tr').count()).toBeGreaterThan(0)
    const axe = await new AxeBuilder({ page }).include('[data-tk-success-metrics]').analyze()
    expect(axe.violations.map((v) => v.id)).toEqual([])
  })
})
