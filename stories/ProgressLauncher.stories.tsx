import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { ProgressLauncher } from '../src/react'
import { levelUp } from './fixtures/celebrations'
import { halfway, withBenchmarks } from './fixtures/snapshots'
import { apiParameters, componentDocs, waitForCelebrationDialog, waitForElement, waitUntil } from './support/story-helpers'

/** The launcher button, once the overall count has loaded into its label ("Your progress: 1 of 13 done"). */
async function launcherReady(canvasElement: HTMLElement): Promise<HTMLElement> {
  return waitUntil('the launcher with a loaded count', () => {
    const button = canvasElement.querySelector<HTMLElement>('[data-cairn-launcher-button]')
    return button && !/\b0 of 0\b/.test(button.getAttribute('aria-label') ?? '') ? button : null
  })
}

/** Waits for the open panel with the loaded widget inside. */
async function panelReady({ canvasElement }: { canvasElement: HTMLElement }) {
  await waitForElement('[data-cairn-panel]:not([hidden]) [data-cairn-widget][data-status="ready"]', canvasElement)
}

const meta = {
  title: 'Widget/ProgressLauncher',
  component: ProgressLauncher,
  tags: ['autodocs'],
  parameters: {
    ...apiParameters({ progress: halfway }),
    // Fixed to the viewport corner: each story gets its own frame on the docs page.
    docs: componentDocs(
      'A floating button with a compact ring in the bottom corner (mirrored in right-to-left) that opens the widget as a popover. Escape or the close button closes it and returns focus to the button; a click outside closes it. Celebrations still show while it is closed.',
      { inline: false, iframeHeight: 760 },
    ),
  },
  argTypes: {
    defaultOpen: { control: 'boolean', description: 'Start open (uncontrolled)' },
  },
  args: { defaultOpen: false },
  play: async ({ canvasElement }) => {
    const button = await launcherReady(canvasElement)
    await expect(button).toHaveAttribute('aria-expanded', 'false')
  },
} satisfies Meta<typeof ProgressLauncher>
export default meta
type Story = StoryObj<typeof meta>

/** Closed: just the button, its ring showing 1 of the milestones done. */
export const Closed: Story = {}

/** Open: the full widget in a popover above the button. */
export const Open: Story = {
  args: { defaultOpen: true },
  play: panelReady,
}

/** Opened by a click: focus moves into the panel; Escape closes it and focus returns to the button. */
export const OpenAndCloseWithKeyboard: Story = {
  parameters: apiParameters({ progress: withBenchmarks }),
  play: async ({ canvasElement, userEvent }) => {
    const button = await launcherReady(canvasElement)
    await userEvent.click(button)
    await panelReady({ canvasElement })
    await expect(canvasElement.querySelector('[data-cairn-panel]')).toHaveFocus()
    await userEvent.keyboard('{Escape}')
    await expect(button).toHaveAttribute('aria-expanded', 'false')
    await expect(button).toHaveFocus()
  },
}

/** Closed, and level 1 was just completed: the level-up dialog shows over the page anyway. */
export const CelebratesWhileClosed: Story = {
  parameters: apiParameters({ progress: levelUp }),
  play: async ({ canvasElement }) => {
    await launcherReady(canvasElement)
    await waitForCelebrationDialog(/level complete: getting started/i)
  },
}

/** Right-to-left: the launcher sits in the bottom-left corner. */
export const RightToLeft: Story = { globals: { locale: 'ar' }, args: { defaultOpen: true }, play: panelReady }

/** Dark theme, open. */
export const DarkOpen: Story = {
  globals: { theme: 'dark' },
  args: { defaultOpen: true },
  play: panelReady,
}
