// Bundled by bench/render.bench.ts (esbuild, React's production build) and run in Chromium: the same 1,000 rows as
// the jsdom benchmark, timed from the root render call until every row is in the document.
import { createElement, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { CairnProvider, ProgressWidget } from '../../src/react'
import type { SourceListener } from '../../src/client'
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

/** Resolves once `test` holds, checking after every task (the same granularity for both sides). */
async function until(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((resolve) => setTimeout(resolve, 0))
}

/**
 * From a live update arriving (the source hands the store a snapshot in which one milestone is achieved) to that
 * row showing `data-state="achieved"`; the baseline flips one `<li>`'s attribute in a 1,000-item list by state.
 */
async function update(): Promise<{ bare: number; widget: number }> {
  const snapshot = bigProgram()
  const target = 'm0-1'
  const bares: number[] = []
  const widgets: number[] = []
  for (let i = 0; i < 9; i++) {
    // Baseline: a list whose one item changes state.
    let setDone: (value: boolean) => void = () => {}
    function BareList() {
      const [done, set] = useState(false)
      setDone = set
      return createElement('ul', null, snapshot.program.milestones.map((m) => createElement('li', { key: m.id, 'data-state': m.id === target && done ? 'achieved' : 'open' }, m.title)))
    }
    const bareBox = document.createElement('div')
    document.body.append(bareBox)
    const bareRoot = createRoot(bareBox)
    bareRoot.render(createElement(BareList))
    await until(() => bareBox.querySelectorAll('li').length === ROWS)
    let start = performance.now()
    setDone(true)
    await until(() => bareBox.querySelector('li[data-state="achieved"]') !== null)
    bares.push(performance.now() - start)
    bareRoot.unmount()
    bareBox.remove()

    // Cairn: the widget, then one live update.
    let listener: SourceListener | undefined
    const source = { ...staticSource(snapshot), subscribe: (l: SourceListener) => ((listener = l), () => {}) }
    const box = document.createElement('div')
    document.body.append(box)
    const root = createRoot(box)
    root.render(createElement(CairnProvider, { source, celebrations: false }, createElement(ProgressWidget, { digest: false })))
    await until(() => box.querySelectorAll('[data-cairn-milestone]').length === ROWS && listener !== undefined)
    const before = snapshot.progress.milestones[target]!
    const next = {
      ...snapshot.progress,
      evaluatedAt: '2026-12-01T00:01:00.000Z',
      milestones: { ...snapshot.progress.milestones, [target]: { ...before, state: 'achieved' as const, current: before.target, achievedAt: '2026-12-01T00:01:00.000Z' } },
    }
    start = performance.now()
    listener!.progress(next)
    await until(() => box.querySelector(`[data-cairn-milestone="${target}"][data-state="achieved"]`) !== null)
    widgets.push(performance.now() - start)
    root.unmount()
    box.remove()
  }
  return { bare: median(bares.slice(2)), widget: median(widgets.slice(2)) }
}

Object.assign(window, { cairnRenderBench: run, cairnUpdateBench: update })
