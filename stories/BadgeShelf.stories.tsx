import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { BadgeShelf } from '../src/react'
import { typicalBenchmarks, withoutAccountBenchmarks } from './fixtures/benchmarks'
import { everything, halfway, levelOneSettled } from './fixtures/snapshots'
import { inPanelWidth } from './support/panel'
import { NothingRenderedNote } from './support/status-note'
import { apiParameters, componentDocs, playUntilState, waitForElement, waitForText } from './support/story-helpers'

const meta = {
  title: 'Parts/BadgeShelf',
  component: BadgeShelf,
  tags: ['autodocs'],
  decorators: [inPanelWidth],
  parameters: {
    ...apiParameters({ progress: levelOneSettled }),
    docs: componentDocs(
      'Earned badges with their date, then the ones still to earn (greyed, `data-state="locked"`). Icons are emoji, or an https image. Renders nothing when there is nothing to show.',
    ),
  },
  argTypes: { showLocked: { control: 'boolean', description: 'Show badges not earned yet' } },
  args: { showLocked: true },
  play: playUntilState('badge', 'earned', 'organized'),
} satisfies Meta<typeof BadgeShelf>
export default meta
type Story = StoryObj<typeof meta>

/** One earned ("Organized"), two still to earn. */
export const SomeEarned: Story = {}

/** Nothing earned yet: every badge greyed, as a preview of what is ahead. */
export const NoneEarned: Story = { parameters: apiParameters({ progress: halfway }), play: playUntilState('badge', 'locked', 'organized') }

/** All three earned. */
export const AllEarned: Story = { parameters: apiParameters({ progress: everything }), play: playUntilState('badge', 'earned', 'power-user') }

/** `showLocked={false}`: only what has been earned. */
export const EarnedOnly: Story = {
  args: { showLocked: false },
  play: async (context) => {
    await playUntilState('badge', 'earned', 'organized')(context)
    await expect(context.canvasElement.querySelector('[data-cairn-badge][data-state="locked"]')).toBeNull()
  },
}

/** Dark theme. */
export const Dark: Story = { globals: { theme: 'dark' } }

/** Rarity from the benchmark cohort on earned and locked badges: "Earned by 58% of teams like yours". */
const withRarity = { ...levelOneSettled, benchmarks: typicalBenchmarks }
const rarityShows = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  await waitForElement('[data-cairn-badge="power-user"] [data-cairn-badge-rarity]', canvasElement)
}

export const WithRarity: Story = {
  parameters: apiParameters({ progress: withRarity }),
  play: async (context) => {
    await rarityShows(context)
    await expect(context.canvasElement.querySelector('[data-cairn-badge="organized"] [data-cairn-badge-rarity]')).toHaveTextContent('Earned by 58% of teams like yours')
  },
}

/** Rarity, dark theme. */
export const WithRarityDark: Story = { parameters: apiParameters({ progress: withRarity }), globals: { theme: 'dark' }, play: rarityShows }

/** Rarity for a user with no account, compared on their own: "Earned by 58% of people like you". */
export const WithRarityWithoutAnAccount: Story = {
  parameters: apiParameters({ progress: { ...levelOneSettled, benchmarks: withoutAccountBenchmarks } }),
  play: async (context) => {
    await rarityShows(context)
    await expect(context.canvasElement.querySelector('[data-cairn-badge="organized"] [data-cairn-badge-rarity]')).toHaveTextContent('Earned by 58% of people like you')
  },
}

/** Rarity in German: "Erhalten von 12 % der Teams wie deines". */
export const WithRarityGerman: Story = {
  parameters: apiParameters({ progress: withRarity }),
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    await waitForText('[data-cairn-badge="power-user"] [data-cairn-badge-rarity]', /Erhalten von 12\s%/, canvasElement)
  },
}

/**
 * An earned badge's share action (DESIGN §7.5), opened: the panel floats over the shelf, full width under its
 * button, and no badge moves. It closes on Escape, on "Share" again, or when focus moves to a control outside it.
 */
export const ShareOpen: Story = {
  play: async (context) => {
    await playUntilState('badge', 'earned', 'organized')(context)
    const badges = () => [...context.canvasElement.querySelectorAll('[data-cairn-badge]')].map((badge) => JSON.stringify(badge.getBoundingClientRect()))
    const before = badges()
    const toggle = await waitForElement('[data-cairn-badge="organized"] [data-cairn-share-toggle]', context.canvasElement)
    await context.userEvent.click(toggle)
    await expect(context.canvasElement.querySelector('[data-cairn-badge="organized"] [data-cairn-share-panel]')).not.toHaveAttribute('hidden')
    await expect(badges()).toEqual(before)
  },
}

/** The same, dark. */
export const ShareOpenDark: Story = { globals: { theme: 'dark' }, play: ShareOpen.play }

/** A user in the experiment's holdout (DESIGN §7.6): the shelf, used on its own, renders nothing. */
export const HeldOut: Story = {
  parameters: apiParameters({ progress: { ...withRarity, holdout: true } }),
  render: () => (
    <>
      <BadgeShelf />
      <NothingRenderedNote why="this user is in the experiment's holdout, who sees no part of the program." />
    </>
  ),
  play: async ({ canvasElement }) => {
    await waitForElement('[data-story-status="ready"]', canvasElement)
    await expect(canvasElement.querySelector('[data-cairn-badge-shelf]')).toBeNull()
  },
}
