import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { CelebrationLayer, type MeProgress } from '../src/react'
import { badgeToast, everythingPending, levelUp, mergedMilestones, oneToast, twoToasts } from './fixtures/celebrations'
import { cairnApi } from './support/cairn-api'
import { componentDocs, waitForCelebrationDialog, waitForElement, waitForText } from './support/story-helpers'

/** Mocked API serving `progress`; `api.seen` records every acknowledgement. */
function served(progress: MeProgress) {
  const api = cairnApi({ progress })
  return { api, parameters: { msw: { handlers: api } } }
}

/** Waits until the toast corner shows a toast whose title matches `title`. */
function toastShown(title: RegExp) {
  return async () => {
    await waitForText('[data-cairn-toast] [data-cairn-toast-title]', title)
  }
}

const level = served(levelUp)
const single = served(oneToast)
const merged = served(mergedMilestones)

const meta = {
  title: 'Celebrations/CelebrationLayer',
  component: CelebrationLayer,
  tags: ['autodocs'],
  parameters: {
    ...level.parameters,
    // The layer is portalled over the whole page: each story gets its own frame on the docs page.
    docs: componentDocs(
      'The moments: a "You did it!" dialog for a level (with its badge, unlocked features, the next step and one burst of confetti), toasts for milestones and badges, and several achievements merged into one toast. At most one dialog per 10 minutes; every celebration is acknowledged as it is shown, so it never repeats on any device. Confetti is skipped under reduced motion.',
      { inline: false, iframeHeight: 560 },
    ),
  },
  argTypes: {
    modalCooldownMs: { control: 'number', description: 'Minimum time between two dialogs' },
    maxSeparateToasts: { control: { type: 'number', min: 0, max: 5 }, description: 'More toasts than this merge into one' },
    toastDurationMs: { control: 'number', description: 'How long a toast stays (paused on hover and focus)' },
  },
  args: { toastDurationMs: 60_000 },
  play: async () => {
    await waitForCelebrationDialog(/level complete: getting started/i)
  },
} satisfies Meta<typeof CelebrationLayer>
export default meta
type Story = StoryObj<typeof meta>

/** Level 1 complete: the dialog with the Organized badge folded in, "templates" unlocked, and the next step. */
export const LevelUp: Story = {
  play: async () => {
    const dialog = await waitForCelebrationDialog(/level complete: getting started/i)
    await expect(dialog.querySelector('[data-cairn-celebration-badge="organized"]')).not.toBeNull()
    await expect(dialog.querySelector('[data-cairn-celebration-primary]')).toHaveFocus()
    // Acknowledged as soon as it was shown, so it never comes back.
    await waitFor(() => expect(level.api.seen).toContain('level:getting-started'))
  },
}

/** Closing the dialog with "Keep going" (or Escape) puts focus back where it was. */
export const LevelUpDismissed: Story = {
  play: async ({ userEvent }) => {
    const dialog = await waitForCelebrationDialog(/level complete: getting started/i)
    await userEvent.click(dialog.querySelector<HTMLElement>('[data-cairn-celebration-primary]')!)
    await waitFor(() => expect(document.querySelector('[role="dialog"][data-cairn-celebration]')).toBeNull())
  },
}

/** One milestone: a quiet toast in the corner. */
export const MilestoneToast: Story = {
  parameters: single.parameters,
  play: async () => {
    await toastShown(/milestone unlocked: invite a teammate/i)()
    await waitFor(() => expect(single.api.seen).toEqual(['milestone:invite-teammate']))
  },
}

/** Two milestones: two toasts, stacked. */
export const TwoToasts: Story = {
  parameters: served(twoToasts).parameters,
  play: async () => {
    await toastShown(/add 5 tasks/i)()
    await toastShown(/invite a teammate/i)()
  },
}

/** A badge on its own, with its description. */
export const BadgeToast: Story = { parameters: served(badgeToast).parameters, play: toastShown(/badge earned: organized/i) }

/** Five milestones at once merge into one toast ("5 milestones unlocked") instead of a stack. */
export const SeveralAchievementsMerged: Story = {
  parameters: merged.parameters,
  play: async () => {
    await toastShown(/5 milestones unlocked/i)()
    await waitFor(() => expect(merged.api.seen).toHaveLength(5))
  },
}

/** Everything at once: the level dialog stands alone; after "Keep going" the six milestones arrive as one merged toast. */
export const DialogThenMergedToast: Story = {
  parameters: served(everythingPending).parameters,
  play: async ({ userEvent }) => {
    const dialog = await waitForCelebrationDialog(/level complete: getting started/i)
    await userEvent.click(dialog.querySelector<HTMLElement>('[data-cairn-celebration-primary]')!)
    await toastShown(/6 milestones unlocked/i)()
  },
}

/** Reduced motion: the dialog fades in without scaling, and there is no confetti. */
export const ReducedMotion: Story = { globals: { motion: 'reduce' } }

/** German. */
export const German: Story = {
  globals: { locale: 'de' },
  play: async () => {
    await waitForText('[role="dialog"][data-cairn-celebration] [data-cairn-celebration-title]', /geschafft/i)
  },
}

/** Dark theme. */
export const Dark: Story = { globals: { theme: 'dark' } }

/** Right-to-left: toasts move to the bottom-left corner. */
export const RightToLeftToasts: Story = {
  globals: { locale: 'ar' },
  parameters: served(twoToasts).parameters,
  play: toastShown(/invite a teammate/i),
}

/** Custom strings through the `messages` prop. */
export const CustomMessages: Story = {
  args: { messages: { dialogTitle: 'Nice work!', dialogContinue: 'Back to my tasks' } },
  play: async () => {
    await waitForText('[role="dialog"][data-cairn-celebration] [data-cairn-celebration-title]', /nice work/i)
    await waitForElement('[data-cairn-celebration-primary]')
  },
}
