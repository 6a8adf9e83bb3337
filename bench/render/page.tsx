// Bundled by bench/render.bench.ts (esbuild, React's production build) and run in Chromium: the same 1,000 rows as
// the jsdom benchmark, timed from the root render call until every row is in the document.
import { createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { CairnProvider, ProgressWidget } from '../../src/react'
import { bigProgram, staticSource } from './fixtures'

const ROWS = 1_000

async function renderUntil(element: () => ReturnType<typeof createElement>, selector: string): Promise<number> {
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  const start = performance.now()
  root.render(element())
  while (container.querySelectorAll(selector).length < ROWS) await new Promise((resolve) => setTimeout(resolve, 0))
  const ms = performance.now() - start
  root.unmount()
  container.remove()
  return ms
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

async function run(): Promise<{ bare: number; widget: number }> {
  const snapshot = bigProgram()
  const bare = () => createElement('ul', null, snapshot.program.milestones.map((m) => createElement('li', { key: m.id }, m.title)))
  const widget = () => createElement(CairnProvider, { source: staticSource(snapshot), celebrations: false }, createElement(ProgressWidget, { digest: false }))
  const bares: number[] = []
  const widgets: number[] = []
  for (let i = 0; i < 9; i++) {
    bares.push(await renderUntil(bare, 'li'))
    widgets.push(await renderUntil(widget, '[data-cairn-milestone]'))
  }
  return { bare: median(bares.slice(2)), widget: median(widgets.slice(2)) }
}

;(window as unknown as { cairnRenderBench: typeof run }).cairnRenderBench = run
