// The demo's holdout experiment end to end: the seeded cohort, GET /v1/insights/experiment through Taskly's
// backend, and the insights page's "Does Cairn raise activation?" section in a real browser.
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

describe('Does Cairn raise activation?', () => {
  test('the insights page shows both rates, the difference drawn as an interval, sample sizes and guidance', async () => {
    const { page } = await h.newPage({ reducedMotion: 'reduce' })
    await page.goto('/insights')
    const section = page.getByRole('region', { name: 'Does Cairn raise activation?' })
    await section.getByText(/^No detectable difference yet|^Cairn raises activation|^Activation is lower with Cairn/).waitFor()

    await expect.poll(() => section.getByText('With Cairn', { exact: true }).count()).toBe(1)
    await expect.poll(() => section.getByText('Held out (no widget)', { exact: true }).count()).toBe(1)
    // Rates with their sample sizes: "80% · 197 of 246 accounts".
    const arms = await section.locator('dd').allTextContents()
    expect(arms[0]).toMatch(/^\d+% · [\d,]+ of [\d,]+ accounts$/)
    expect(arms[1]).toMatch(/^\d+% · [\d,]+ of [\d,]+ accounts$/)
    expect(arms[2]).toMatch(/^[+-]?\d+\.\d points \([+-]?\d+\.\d to [+-]?\d+\.\d\)$/)

    const chart = section.getByRole('img', { name: /Difference in activation, with its 95% interval/ })
    await chart.waitFor()
    expect(await chart.locator('rect.tk-interval-band').count()).toBe(1)

    // The seeded cohort has a modest true effect and a 10% holdout: the honest answer is "not yet", with a power figure.
    const guidance = await section.locator('[data-tk-experiment-guidance]').textContent()
    expect(guidance).toMatch(/^No detectable difference yet: the 95% interval still includes zero\. About [\d,]+ more accounts are needed to detect a 5-point effect\.$/)
    await h.screenshot(page, '11-experiment')

    await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' })
    const axe = await new AxeBuilder({ page }).include('[data-tk-experiment]').analyze()
    expect(axe.violations.map((v) => v.id)).toEqual([])
  })

  test("the demo backend proxies the API's experiment results, counting about a tenth of accounts in the holdout", async () => {
    const { context } = await h.newPage()
    const response = await context.request.get('/demo-api/insights/experiment')
    expect(response.ok()).toBe(true)
    const body = (await response.json()) as { experimentId: string; treatment: { n: number }; holdout: { n: number } }
    expect(body.experimentId).toBe('taskly-onboarding-lift')
    const share = body.holdout.n / (body.holdout.n + body.treatment.n)
    expect(share).toBeGreaterThan(0.05)
    expect(share).toBeLessThan(0.15)
  })
})
