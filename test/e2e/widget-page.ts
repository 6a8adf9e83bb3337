// Where the demo's sidebar widget is, and how a test opens the demo as a persona and waits for the widget's first snapshot.
import type { BrowserContext, Page } from 'playwright-core'
import type { Harness } from './harness'

/** The widget in the right sidebar (the launcher's panel may hold a second copy). */
export const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Your progress' })

/** One milestone row of the sidebar widget, optionally only in a given `data-state`. */
export const milestone = (page: Page, id: string, state?: string) =>
  sidebar(page).locator(`[data-cairn-milestone="${id}"]${state ? `[data-state="${state}"]` : ''}`)

/** Opens the demo as `persona` (a fresh copy of it when `fresh`) and waits until a widget has its first snapshot. */
export async function openAs(h: Harness, page: Page, context: BrowserContext, persona: Parameters<Harness['usePersona']>[1], fresh = false): Promise<void> {
  await h.usePersona(context, persona, { fresh })
  await page.goto('/')
  await page.locator('[data-cairn-widget][data-status="ready"]').first().waitFor()
}
