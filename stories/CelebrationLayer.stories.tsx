import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { CelebrationLayer, ProgressWidget, type MeProgress } from '../src/react'
import { badgeToast, everythingPending, levelUp, mergedMilestones, oneToast, twoToasts } from './fixtures/celebrations'
import { later } from './fixtures/snapshots'
import { cairnApi } from './support/cairn-api'
import { createLiveStream } from './support/live-stream'
import { componentDocs, waitForCelebrationDialog, waitForElement, waitForText, waitUntil } from './support/story-helpers'

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

/** The open celebration dialog's primary button. */
const primary = (dialog: HTMLElement) => dialog.querySelector<HTMLElement>('[data-cairn-celebration-primary]')!
const dialogGone = () => waitFor(() => expect(document.querySelector('dialog[data-cairn-celebration]')).toBeNull())

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
      '`<CairnProvider>` mounts one celebration layer; `<CelebrationLayer>` only sets its strings, toast duration, container and class. The moments: a native modal "You did it!" dialog for a level (with its badge, unlocked features, the next step and one burst of confetti), toasts for milestones and badges, and several milestones merged into one toast. A level-up or badge always gets its dialog (it waits for the open one to close); only milestone dialogs are capped (one per 10 minutes, the `modalCooldownMs` provider prop). Every celebration is acknowledged as it is shown, so it never repeats on any device. Confetti is skipped under reduced motion.',
      { inline: false, iframeHeight: 560 },
    ),
  },
  argTypes: {
    toastDurationMs: { control: 'number', description: 'How long a toast stays (paused on hover and focus)' },
    className: { control: 'text', description: "Class for the layer's root element" },
  },
  args: { toastDurationMs: 60_000 },
  play: async () => {
    await waitForCelebrationDialog(/level complete: getting started/i)
  },
} satisfies Meta<typeof CelebrationLayer>
export default meta
type Story = StoryObj<typeof meta>

/** Level 1 complete: the dialog with the Organized badge and its description, "Project templates" unlocked, and the next step. */
export const LevelUp: Story = {
  play: async () => {
    const dialog = await waitForCelebrationDialog(/level complete: getting started/i)
    await expect(dialog.querySelector('[data-cairn-celebration-badge="organized"]')?.textContent).toMatch(/set up your first project, tasks and team/i)
    await expect(dialog.querySelector('[data-cairn-celebration-features]')?.textContent).toMatch(/project templates/i)
    await expect(primary(dialog)).toHaveFocus()
    // Acknowledged as soon as it was shown, so it never comes back.
    await waitFor(() => expect(level.api.seen).toContain('level:getting-started'))
  },
}

/** A real modal (native `<dialog>` with `showModal()`): the page behind is inert and Tab stays inside. */
export const LevelUpIsModal: Story = {
  render: (args) => (
    <>
      <button type="button" data-story-action="behind">
        A button on the page behind
      </button>
      <CelebrationLayer {...args} />
    </>
  ),
  play: async ({ canvasElement, userEvent }) => {
    const dialog = await waitForCelebrationDialog(/level complete: getting started/i)
    await expect(dialog.matches(':modal')).toBe(true)
    const behind = canvasElement.querySelector<HTMLElement>('[data-story-action="behind"]')!
    // Inert: it can be neither focused nor hit while the dialog is open.
    behind.focus()
    await expect(behind).not.toHaveFocus()
    const rect = behind.getBoundingClientRect()
    await expect(behind.contains(document.elementFromPoint(rect.x + 4, rect.y + 4))).toBe(false)
    for (let i = 0; i < 4; i++) {
      await userEvent.tab()
      await expect(dialog.contains(document.activeElement) || document.activeElement === document.body).toBe(true)
    }
    await userEvent.click(primary(dialog))
    await dialogGone()
  },
}

/** Closing the dialog puts focus back where it was: here on the host's own button. */
export const LevelUpDismissed: Story = {
  render: (args) => (
    <>
      <button type="button" data-story-action="host" autoFocus>
        Complete task
      </button>
      <CelebrationLayer {...args} />
    </>
  ),
  play: async ({ canvasElement, userEvent }) => {
    const host = canvasElement.querySelector<HTMLElement>('[data-story-action="host"]')!
    host.focus()
    const dialog = await waitForCelebrationDialog(/level complete: getting started/i)
    await userEvent.click(primary(dialog))
    await dialogGone()
    await expect(host).toHaveFocus()
  },
}

/** Escape closes it. When nothing (or something now gone) had focus, focus lands on the widget's heading — never on the page body. */
export const FocusReturnsToWidget: Story = {
  render: (args) => (
    <>
      <ProgressWidget />
      <CelebrationLayer {...args} />
    </>
  ),
  play: async ({ canvasElement, userEvent }) => {
    const dialog = await waitForCelebrationDialog(/level complete: getting started/i)
    await userEvent.keyboard('{Escape}')
    await dialogGone()
    const heading = await waitUntil('the widget heading', () => canvasElement.querySelector<HTMLElement>('[data-cairn-widget] [data-cairn-title]'))
    await waitFor(() => expect(heading).toHaveFocus())
    await expect(dialog.isConnected).toBe(false)
  },
}

/** One milestone: a quiet toast in the corner. */
export const MilestoneToast: Story = {
  parameters: single.parameters,
  play: async () => {
    await toastShown(/milestone achieved: invite a teammate/i)()
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

/** Five milestones at once merge into one toast ("5 milestones achieved") instead of a stack. */
export const SeveralAchievementsMerged: Story = {
  parameters: merged.parameters,
  play: async () => {
    await toastShown(/5 milestones achieved/i)()
    await waitFor(() => expect(merged.api.seen).toHaveLength(5))
  },
}

/**
 * Everything at once: the level dialog stands alone. After "Keep going" the milestones it already announced are
 * not repeated; the others arrive as one merged toast.
 */
export const DialogThenMergedToast: Story = {
  parameters: served(everythingPending).parameters,
  play: async ({ userEvent }) => {
    const dialog = await waitForCelebrationDialog(/level complete: getting started/i)
    await userEvent.click(primary(dialog))
    const toast = await waitForText('[data-cairn-toast] [data-cairn-toast-title]', /\d milestones achieved/i)
    const detail = toast.parentElement?.querySelector('[data-cairn-toast-detail]')?.textContent ?? ''
    await expect(detail.split(/,\s*|\s+and\s+/)).not.toContain('Invite a teammate')
  },
}

const stepsThenLevel = createLiveStream()

/**
 * One moment, one celebration: two of level 1's steps are toasted as they happen; when the step that completes the
 * level arrives, the level-up dialog opens and those toasts leave the screen (the dialog says the level is done).
 */
export const StepToastsFoldIntoLevelUp: Story = {
  parameters: { msw: { handlers: cairnApi({ progress: twoToasts, live: stepsThenLevel }) } },
  play: async () => {
    await waitUntil('two step toasts', () => document.querySelectorAll('[data-cairn-toast]').length === 2)
    await waitUntil('the live stream', () => stepsThenLevel.connections > 0)
    stepsThenLevel.push(later(levelUp))
    await waitForCelebrationDialog(/level complete: getting started/i)
    // Gone as the dialog opens (same update), not by their own timeout.
    await expect(document.querySelectorAll('[data-cairn-toast]')).toHaveLength(0)
  },
}

/** Reduced motion: the dialog fades in without scaling, and there is no confetti. */
export const ReducedMotion: Story = {
  globals: { motion: 'reduce' },
  play: async () => {
    await waitForCelebrationDialog(/level complete: getting started/i)
    await expect(window.matchMedia('(prefers-reduced-motion: reduce)').matches).toBe(true)
  },
}

/** German. */
export const German: Story = {
  globals: { locale: 'de' },
  play: async () => {
    await waitForText('dialog[data-cairn-celebration] [data-cairn-celebration-title]', /geschafft/i)
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
    await waitForText('dialog[data-cairn-celebration] [data-cairn-celebration-title]', /nice work/i)
    await waitForElement('[data-cairn-celebration-primary]')
  },
}

/** Opens the dialog's share panel, types a first name and creates the link (the mocked API answers at once). */
async function shareFromDialog({ userEvent }: { userEvent: { click(element: Element): Promise<void>; type(element: Element, text: string): Promise<void> } }) {
  const dialog = await waitForCelebrationDialog(/./)
  await userEvent.click(dialog.querySelector<HTMLElement>('[data-cairn-share-toggle]')!)
  const name = dialog.querySelector<HTMLInputElement>('[data-cairn-share-panel] input')!
  await waitFor(() => expect(name).toHaveFocus())
  await userEvent.type(name, 'Alex')
  await userEvent.click(dialog.querySelector<HTMLElement>('[data-cairn-share-create]')!)
  return waitForElement('[data-cairn-share-url]', dialog)
}

/** Share (DESIGN §7.5): the panel says what becomes public before any link exists; the first name is optional. */
export const SharePanel: Story = {
  play: async ({ userEvent }) => {
    const dialog = await waitForCelebrationDialog(/level complete: getting started/i)
    await userEvent.click(dialog.querySelector<HTMLElement>('[data-cairn-share-toggle]')!)
    await waitFor(() => expect(dialog.querySelector('[data-cairn-share-panel] input')).toHaveFocus())
    await expect(dialog.querySelector('[data-cairn-share-panel]')?.textContent).toMatch(/never your email/i)
  },
}

/** The link is ready: LinkedIn and X (new tab), Copy link and Remove link — without the Web Share API, as in most desktop browsers. */
export const ShareLinkReady: Story = {
  play: async (context) => {
    const url = await shareFromDialog(context)
    await expect((url as HTMLInputElement).value).toMatch(/\/s\/[A-Za-z0-9_-]{22}$/)
  },
}

/** The ready link in the dark theme. */
export const ShareLinkReadyDark: Story = { globals: { theme: 'dark' }, play: ShareLinkReady.play }

/** The share panel in German. */
export const ShareGerman: Story = { globals: { locale: 'de' }, play: ShareLinkReady.play }

/** Where the browser has the Web Share API (phones, Safari, Edge): the device's sheet opens, and "Share…" opens it again. */
export const ShareWithWebShareApi: Story = {
  beforeEach: () => {
    // A stand-in sheet that the user closes at once; the real one is the operating system's.
    Object.defineProperty(navigator, 'share', { value: async () => {}, configurable: true })
    return () => {
      Reflect.deleteProperty(navigator, 'share')
    }
  },
  play: async (context) => {
    await shareFromDialog(context)
    const dialog = await waitForCelebrationDialog(/./)
    await waitForElement('[data-cairn-share-native]', dialog)
    await expect(dialog.querySelector('[data-cairn-share-target]')).toBeNull()
  },
}
