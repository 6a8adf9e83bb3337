import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
// `localSource` has its own package door (`cairn/local`), kept out of the main entry to keep it small.
import { localSource, memoryStorage, type LocalSource } from '../src/client/local'
import { demoProgram } from '../src/core'
import { PlayPanel } from './support/play-panel'
import { componentDocs, waitForCelebrationDialog, waitForElement, waitForText, waitForWidget } from './support/story-helpers'

// The source of the story on screen, so "Start over" can reset it.
let current: LocalSource | null = null

/** A fresh in-browser engine (no API, nothing persisted beyond the story) for a team-plan user. */
function freshLocalSource(): LocalSource {
  current = localSource({
    program: demoProgram,
    subject: { userId: 'play-user', accountId: 'play-account', traits: { plan: 'team', role: 'admin' }, consent: true },
    storage: memoryStorage(),
  })
  return current
}

/** Clicks the demo button labelled `label`. */
function button(canvasElement: HTMLElement, label: string): HTMLElement {
  const found = [...canvasElement.querySelectorAll<HTMLElement>('[role="group"] button')].find((b) => b.textContent === label)
  if (!found) throw new Error(`No demo button "${label}"`)
  return found
}

const meta = {
  title: 'Widget/Play panel',
  component: PlayPanel,
  parameters: {
    cairn: { source: freshLocalSource },
    docs: componentDocs(
      'Runs the core engine in the browser (`localSource`) and sends the demo events through `useTrack`. Click through sign-up to Power User and watch rows settle, levels unlock and celebrations fire.',
      { inline: false, iframeHeight: 900 },
    ),
  },
  args: { onReset: () => current?.reset() },
  play: async ({ canvasElement }) => {
    await waitForWidget(canvasElement)
  },
} satisfies Meta<typeof PlayPanel>
export default meta
type Story = StoryObj<typeof meta>

/** Start from a new user and click away. */
export const Play: Story = {}

/** Creating a project achieves the first milestone: the row settles into "Done" and a toast appears. */
export const FirstMilestone: Story = {
  play: async ({ canvasElement, userEvent }) => {
    await waitForWidget(canvasElement)
    await userEvent.click(button(canvasElement, 'Create a project'))
    await waitForElement('[data-cairn-milestone="first-project"][data-state="achieved"]', canvasElement)
    await waitForText('[data-cairn-toast-title]', /create your first project/i)
  },
}

/** Finishing level 1 at once: the level-up dialog, with the rest merged into one toast. */
export const LevelUp: Story = {
  play: async ({ canvasElement, userEvent }) => {
    await waitForWidget(canvasElement)
    await userEvent.click(button(canvasElement, 'Finish level 1 at once'))
    await waitForCelebrationDialog(/level complete: getting started/i)
    await expect(canvasElement.querySelector('[data-cairn-level="getting-started"]')).toHaveAttribute('data-state', 'complete')
  },
}
