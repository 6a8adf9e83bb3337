// Small helpers shared by the story files: mocked-API parameters and "wait until the UI settled".
// Waits use the data-cairn-* contract with querySelector: role queries recompute accessible names of the
// whole tree on every poll, which is slow on a full widget and would stretch the test run.
import { expect, waitFor } from 'storybook/test'
import type { CairnStoryParameters } from '../../.storybook/cairn-frame'
import { cairnApi, type CairnApiOptions } from './cairn-api'

/** Long enough for the first service-worker start on a cold machine; a ready widget usually takes < 200 ms. */
export const READY_TIMEOUT_MS = 8_000

/** `parameters` for a story served by the mocked API. */
export function apiParameters(options: CairnApiOptions = {}, cairn: CairnStoryParameters = {}) {
  return { msw: { handlers: cairnApi(options) }, cairn }
}

/** waitFor options: the time limit, and a one-line error instead of a dump of the whole page. */
function patiently(what: string) {
  return { timeout: READY_TIMEOUT_MS, onTimeout: () => new Error(`Timed out waiting for ${what}`) }
}

/** Waits until `selector` matches inside `root` (default: the whole page, for portalled dialogs and toasts). */
export async function waitForElement(selector: string, root: ParentNode = document): Promise<HTMLElement> {
  return waitFor(
    () => {
      const element = root.querySelector<HTMLElement>(selector)
      if (!element) throw new Error(`Still waiting for ${selector}`)
      return element
    },
    patiently(selector),
  )
}

/** A `play` function that waits until `selector` matches in the story's canvas, so checks run on the loaded UI. */
export function playUntil(selector: string) {
  return async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    await waitForElement(selector, canvasElement)
  }
}

/**
 * A `play` function that waits for the `data-cairn-<part>` element (the one whose value is `id`, when given) to
 * reach `data-state="<state>"`, e.g. `playUntilState('milestone', 'achieved', 'first-project')`.
 */
export function playUntilState(part: string, state: string, id?: string) {
  const element = id === undefined ? `[data-cairn-${part}]` : `[data-cairn-${part}="${id}"]`
  return playUntil(`${element}[data-state="${state}"]`)
}

/** `parameters.docs` for a component page: its description, and optionally how its stories are framed. */
export function componentDocs(description: string, story?: { inline: boolean; iframeHeight: number }) {
  return { ...(story && { story }), description: { component: description } }
}

/** Waits until the widget in `canvasElement` has loaded (its overall ring is on screen). */
export async function waitForWidget(canvasElement: HTMLElement): Promise<HTMLElement> {
  return waitForElement('[data-cairn-widget][data-status="ready"] [data-cairn-progress-ring][role="progressbar"]', canvasElement)
}

/** Waits until text matching `pattern` is inside the element matched by `selector`. */
export async function waitForText(selector: string, pattern: RegExp, root: ParentNode = document): Promise<HTMLElement> {
  return waitFor(
    () => {
      const element = [...root.querySelectorAll<HTMLElement>(selector)].find((candidate) => pattern.test(candidate.textContent ?? ''))
      if (!element) throw new Error(`Still waiting for ${String(pattern)} in ${selector}`)
      return element
    },
    patiently(`${String(pattern)} in ${selector}`),
  )
}

/** Waits for the celebration dialog (portalled to <body>) and checks its headline. */
export async function waitForCelebrationDialog(headline: RegExp): Promise<HTMLElement> {
  const dialog = await waitForElement('dialog[data-cairn-celebration]')
  await expect(dialog.querySelector('[data-cairn-celebration-headline]')?.textContent ?? '').toMatch(headline)
  return dialog
}

/** Waits until `check` passes (a predicate over the page), with a short error naming `what`. */
export async function waitUntil<T>(what: string, check: () => T | undefined | null | false): Promise<T> {
  return waitFor(() => {
    const result = check()
    if (!result) throw new Error(`Still waiting for ${what}`)
    return result
  }, patiently(what))
}
