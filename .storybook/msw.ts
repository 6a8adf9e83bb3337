// msw in the preview: one service worker for the whole Storybook, started once by a loader; each story
// brings its own handlers through `parameters.msw.handlers`.
import type { RequestHandler } from 'msw'
import { setupWorker, type SetupWorker } from 'msw/browser'
import type { Loader } from '@storybook/react-vite'
import { storyToken } from './story-token'

/** What a story puts in `parameters.msw.handlers`: plain handlers, or a factory scoped to the story's token. */
export type StoryHandlers = readonly RequestHandler[] | ((story: { token: string }) => readonly RequestHandler[])

let starting: Promise<SetupWorker> | null = null

function startWorker(): Promise<SetupWorker> {
  starting ??= (async () => {
    const worker = setupWorker()
    await worker.start({
      serviceWorker: { url: '/mockServiceWorker.js' },
      // Storybook's own modules and assets go to the network untouched.
      onUnhandledRequest: 'bypass',
      quiet: true,
    })
    return worker
  })()
  return starting
}

// Handlers of every story on screen: one in the canvas, several on a docs page.
const active = new Map<string, readonly RequestHandler[]>()

/** Starts the worker (once) and installs this story's handlers, built fresh so counters start at zero. */
export const mswLoader: Loader = async (context) => {
  const worker = await startWorker()
  const handlers = (context.parameters.msw as { handlers?: StoryHandlers } | undefined)?.handlers
  const list = typeof handlers === 'function' ? handlers({ token: storyToken(context.id) }) : (handlers ?? [])
  if (context.viewMode !== 'docs') active.clear()
  active.set(context.id, list)
  worker.resetHandlers(...[...active.values()].flat())
  return {}
}
