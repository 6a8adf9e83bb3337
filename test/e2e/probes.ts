// Small in-page probes for things the DOM alone does not show, installed before any page script runs.
import type { Page } from 'playwright-core'

/**
 * Counts draws on the confetti canvas: canvas-confetti asks the canvas for a 2D context when it fires,
 * so `window.__cairnConfettiDraws > 0` means a burst was actually drawn (the canvas element itself is always mounted).
 */
export async function installConfettiProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __cairnConfettiDraws: number }
    w.__cairnConfettiDraws = 0
    const original = HTMLCanvasElement.prototype.getContext
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: Parameters<typeof original>) {
      if (this.hasAttribute('data-cairn-confetti')) w.__cairnConfettiDraws += 1
      return original.apply(this, args)
    } as typeof original
  })
}

export function confettiDraws(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __cairnConfettiDraws?: number }).__cairnConfettiDraws ?? 0)
}

/** True when keyboard focus is inside the open celebration dialog. */
export function focusInsideDialog(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.closest('dialog[data-cairn-celebration]') != null)
}

/** `aria-valuenow` of the widget's overall progress bar (the first bar in the sidebar widget). */
export async function overallProgress(page: Page): Promise<number> {
  const bar = page.getByRole('complementary', { name: 'Your progress' }).getByRole('progressbar').first()
  return Number(await bar.getAttribute('aria-valuenow'))
}
