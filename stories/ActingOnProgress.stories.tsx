import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { NextStepPrompt, ProgressWidget } from '../src/react'
import { anniversary, returned, stalled, suppressed, usageDropped, wentQuiet } from './fixtures/signals'
import { inPanelWidth } from './support/panel'
import { apiParameters, componentDocs, waitForCelebrationDialog, waitForElement, waitForText } from './support/story-helpers'

/** Waits for the nudge of `signalId` and checks its line. */
function nudge(signalId: string, line: RegExp) {
  return async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    await waitForText(`[data-cairn-signal-nudge="${signalId}"] [data-cairn-signal-nudge-line]`, line, canvasElement)
  }
}

/** Suppressed: the widget shows progress and a plain next step, never a nudge, an upsell step or a celebration. */
async function quietWidget({ canvasElement }: { canvasElement: HTMLElement }) {
  await waitForElement('[data-cairn-widget][data-status="ready"] [data-cairn-next-step]', canvasElement)
  await expect(canvasElement.querySelector('[data-cairn-signal-nudge]')).toBeNull()
  await expect(canvasElement.querySelector('[data-cairn-next-step="invite-teammate"]')).toBeNull()
  await expect(document.querySelector('[data-cairn-celebration]')).toBeNull()
}

const meta = {
  title: 'Parts/Acting on progress',
  component: NextStepPrompt,
  tags: ['autodocs'],
  decorators: [inPanelWidth],
  parameters: {
    ...apiParameters({ progress: wentQuiet }),
    docs: componentDocs(
      'While a risk signal is active (DESIGN §7.1: `inactive`, `usage_drop`, `stalled`), the next-step prompt becomes a calm, specific nudge — "Welcome back — pick up where you left off: 3 steps to your next level" — never a scolding. While the subject is suppressed (§7.2, e.g. an open support case) the widget shows progress as usual but no nudge, no upsell step and no celebration; held celebrations arrive when it ends. Time-based milestones celebrate on their day ("One year with Taskly").',
      { inline: false, iframeHeight: 420 },
    ),
  },
  play: nudge('went-quiet', /pick up where you left off: 3 steps to your next level/i),
} satisfies Meta<typeof NextStepPrompt>
export default meta
type Story = StoryObj<typeof meta>

/** Inactive for 16 days: "Welcome back — pick up where you left off". */
export const Inactive: Story = {}
export const InactiveDark: Story = { globals: { theme: 'dark' } }
export const InactiveGerman: Story = { globals: { locale: 'de' }, play: nudge('went-quiet', /mach da weiter, wo du aufgehört hast: noch 3 schritte/i) }
export const InactiveRightToLeft: Story = { globals: { locale: 'ar' } }

/** An hour after coming back: the visit's own log-in cleared the signal, and the welcome back still holds. */
export const Returned: Story = { parameters: apiParameters({ progress: returned }) }

const drop = apiParameters({ progress: usageDropped })
const dropLine = /a small step keeps things moving: 2 steps to your next level/i
/** Fewer tasks finished than the two weeks before: "Good to see you". */
export const UsageDrop: Story = { parameters: drop, play: nudge('usage-dropped', dropLine) }
export const UsageDropDark: Story = { parameters: drop, globals: { theme: 'dark' }, play: nudge('usage-dropped', dropLine) }
export const UsageDropGerman: Story = { parameters: drop, globals: { locale: 'de' }, play: nudge('usage-dropped', /ein kleiner schritt hält alles in bewegung/i) }
export const UsageDropRightToLeft: Story = { parameters: drop, globals: { locale: 'ar' }, play: nudge('usage-dropped', dropLine) }

const stall = apiParameters({ progress: stalled })
const stallLine = /one small step at a time: 3 steps to your next level/i
/** No milestone in 30 days while steps are open. */
export const Stalled: Story = { parameters: stall, play: nudge('stalled', stallLine) }
export const StalledDark: Story = { parameters: stall, globals: { theme: 'dark' }, play: nudge('stalled', stallLine) }
export const StalledGerman: Story = { parameters: stall, globals: { locale: 'de' }, play: nudge('stalled', /schritt für schritt: noch 3 schritte/i) }
export const StalledRightToLeft: Story = { parameters: stall, globals: { locale: 'ar' }, play: nudge('stalled', stallLine) }

const quiet = apiParameters({ progress: suppressed })
/** A support case is open: the whole widget, quiet. */
export const Suppressed: Story = { parameters: quiet, render: () => <ProgressWidget />, play: quietWidget }
export const SuppressedDark: Story = { parameters: quiet, globals: { theme: 'dark' }, render: () => <ProgressWidget />, play: quietWidget }
export const SuppressedGerman: Story = { parameters: quiet, globals: { locale: 'de' }, render: () => <ProgressWidget />, play: quietWidget }
export const SuppressedRightToLeft: Story = { parameters: quiet, globals: { locale: 'ar' }, render: () => <ProgressWidget />, play: quietWidget }

const year = apiParameters({ progress: anniversary })
/** A year to the hour after signup: "One year with Taskly" celebrates in the dialog. */
export const Anniversary: Story = { parameters: year, play: async () => void (await waitForCelebrationDialog(/one year with taskly/i)) }
export const AnniversaryDark: Story = { parameters: year, globals: { theme: 'dark' }, play: async () => void (await waitForCelebrationDialog(/one year with taskly/i)) }
export const AnniversaryGerman: Story = { parameters: year, globals: { locale: 'de' }, play: async () => void (await waitForCelebrationDialog(/one year with taskly/i)) }
export const AnniversaryRightToLeft: Story = { parameters: year, globals: { locale: 'ar' }, play: async () => void (await waitForCelebrationDialog(/one year with taskly/i)) }
