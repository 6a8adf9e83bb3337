// Rendering: the widget with 1,000 milestones in 10 levels against a bare list of 1,000 <li>, both rendered by
// React into jsdom from the same starting point (a root render call) until every row is in the document.
import type { ReactNode } from 'react'
import type { Source } from '../src/client'
import type { MeProgress, Program } from '../src/core'
import { time, type BenchResult } from './harness'

const LEVELS = 10
const PER_LEVEL = 100

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

/** A program of 10 levels × 100 count milestones, a third achieved, the rest in progress or to do. */
function bigProgram(): { program: Program; progress: MeProgress } {
  const milestones: Program['milestones'] = []
  const levels: Program['levels'] = []
  const states: MeProgress['milestones'] = {}
  for (let l = 0; l < LEVELS; l++) {
    const ids: string[] = []
    for (let m = 0; m < PER_LEVEL; m++) {
      const id = `m${l}-${m}`
      ids.push(id)
      milestones.push({ id, title: `Milestone ${l}.${m}`, category: 'adoption', criterion: { kind: 'count', event: `e${m}`, atLeast: 5 } })
      const n = l * PER_LEVEL + m
      states[id] = n % 3 === 0 ? { state: 'achieved', current: 5, target: 5, achievedAt: '2026-11-01T00:00:00.000Z' } : { state: n % 3 === 1 ? 'in_progress' : 'available', current: n % 3, target: 5 }
    }
    levels.push({ id: `l${l}`, title: `Level ${l + 1}`, milestones: ids })
  }
  const program: Program = { id: 'big', version: '1', title: 'Big', milestones, levels, badges: [] }
  const progress: MeProgress = {
    programId: 'big',
    programVersion: '1',
    evaluatedAt: '2026-12-01T00:00:00.000Z',
    milestones: states,
    levels: levels.map((level, i) => ({ id: level.id, state: i === 0 ? 'active' : 'locked', completed: 0, total: PER_LEVEL })),
    badges: [],
    unlockedFeatures: [],
    nextSteps: [],
    celebrations: [],
  }
  return { program, progress }
}

function staticSource(snapshot: { program: Program; progress: MeProgress }): Source {
  return {
    load: async () => snapshot,
    subscribe: () => () => {},
    track: async () => {},
    ackCelebration: async () => {},
    digest: async () => Promise.reject(new Error('no digest in this benchmark')),
  }
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

export const renderBenchmarks = [widgetVsBareList]
