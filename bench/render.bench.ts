// Rendering: the widget with 1,000 milestones in 10 levels against a bare list of 1,000 <li>, both rendered by
// React into jsdom from the same starting point (a root render call) until every row is in the document.
import { build } from 'esbuild'
import { resolve } from 'node:path'
import { chromium } from 'playwright-core'
import type { ReactNode } from 'react'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/chromium'
import { time, type BenchResult } from './harness'
import { bigProgram, LEVELS, PER_LEVEL, staticSource } from './render/fixtures'

async function installDom(): Promise<void> {
  // @ts-expect-error jsdom ships no types; the benchmark uses only its constructor and window.
  const { JSDOM } = (await import('jsdom')) as { JSDOM: new (html: string, options: object) => { window: Window } }
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true })
  const globals = globalThis as Record<string, unknown>
  for (const key of ['window', 'document', 'navigator', 'HTMLElement', 'Node', 'Element', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame']) {
    if (!(key in globals) || key === 'window' || key === 'document') globals[key] = (window as unknown as Record<string, unknown>)[key]
  }
  globals.IS_REACT_ACT_ENVIRONMENT = false
}

/** Renders `element` into a fresh root and resolves when `done(container)` holds; then unmounts. */
async function renderUntil(element: () => ReactNode, done: (container: HTMLElement) => boolean): Promise<void> {
  const { createRoot } = await import('react-dom/client')
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  root.render(element())
  while (!done(container)) await new Promise((resolve) => setImmediate(resolve))
  root.unmount()
  container.remove()
}

export async function widgetVsBareList(): Promise<BenchResult> {
  // React's production build, as a page ships it (the development build validates every element and prop).
  // React is imported only below, so this decides which build loads.
  process.env.NODE_ENV = 'production'
  await installDom()
  const { createElement } = await import('react')
  const { CairnProvider, ProgressWidget } = await import('../src/react')
  const snapshot = bigProgram()
  const rows = LEVELS * PER_LEVEL
  const bare = () =>
    createElement(
      'ul',
      null,
      snapshot.program.milestones.map((m) => createElement('li', { key: m.id }, m.title)),
    )
  const widget = () => createElement(CairnProvider, { source: staticSource(snapshot), celebrations: false }, createElement(ProgressWidget, { digest: false }))
  const baseline = await time(() => renderUntil(bare, (c) => c.querySelectorAll('li').length === rows), 7, 2)
  const candidate = await time(() => renderUntil(widget, (c) => c.querySelectorAll('[data-cairn-milestone]').length === rows), 7, 2)
  return {
    name: `render: first render of ${rows.toLocaleString('en')} milestones in ${LEVELS} levels (React into jsdom, until every row is in the document)`,
    baseline: { label: `a bare <ul> of ${rows.toLocaleString('en')} <li>`, ms: baseline },
    candidate: { label: 'ProgressWidget (provider, store, levels, rows)', ms: candidate },
  }
}

/** The same comparison in Chromium (a real DOM), with the page bundled as an app would ship it; then one live update. */
export async function widgetVsBareListInChromium(): Promise<BenchResult[]> {
  const bundle = await build({
    entryPoints: [resolve(import.meta.dirname, 'render/page.tsx')],
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  })
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage()
    await page.setContent('<!doctype html><html><body></body></html>')
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text })
    type Bench = () => Promise<{ bare: number; widget: number }>
    const first = await page.evaluate(() => (window as unknown as { cairnRenderBench: Bench }).cairnRenderBench())
    const update = await page.evaluate(() => (window as unknown as { cairnUpdateBench: Bench }).cairnUpdateBench())
    const rows = LEVELS * PER_LEVEL
    return [
      {
        name: `render: first render of ${rows.toLocaleString('en')} milestones in ${LEVELS} levels (Chromium, production React, median of 7)`,
        baseline: { label: `a bare <ul> of ${rows.toLocaleString('en')} <li>`, ms: first.bare },
        candidate: { label: 'ProgressWidget (provider, store, levels, rows)', ms: first.widget },
      },
      {
        name: `render: a live update to the row turning achieved, ${rows.toLocaleString('en')} rows (Chromium, median of 7)`,
        baseline: { label: `one <li> of ${rows.toLocaleString('en')} changing by state`, ms: update.bare },
        candidate: { label: 'source → store → the one MilestoneRow', ms: update.widget },
      },
    ]
  } finally {
    await browser.close()
  }
}

export const renderBenchmarks = [widgetVsBareList, widgetVsBareListInChromium]
