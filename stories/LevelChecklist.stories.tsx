import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { LevelChecklist } from '../src/react'
import { evaluate } from '../src/core'
import { NOW, halfwayEvents, storySubject } from './fixtures/events'
import { longProgram } from './fixtures/long-program'
import { everything, halfway, levelOneSettled, meProgress } from './fixtures/snapshots'
import { inPanelWidth } from './support/panel'
import { apiParameters, componentDocs, playUntilState, waitForElement } from './support/story-helpers'

const meta = {
  title: 'Parts/LevelChecklist',
  component: LevelChecklist,
  tags: ['autodocs'],
  decorators: [inPanelWidth],
  parameters: {
    ...apiParameters({ progress: halfway }),
    docs: componentDocs(
      'Every level as a collapsible section of milestone rows. The active level starts open; locked levels show a padlock and "Complete … to unlock". Compose your own from `LevelChecklist.Root`, `.Level`, `.Trigger`, `.Content`, `.Items` and `.Item`.',
    ),
  },
  play: playUntilState('level', 'active', 'getting-started'),
} satisfies Meta<typeof LevelChecklist>
export default meta
type Story = StoryObj<typeof meta>

/** Day 3: level 1 open and under way, levels 2 and 3 locked. */
export const LevelOneActive: Story = {}

/** Level 1 complete (collapsed, green count), level 2 open. */
export const LevelTwoActive: Story = {
  parameters: apiParameters({ progress: levelOneSettled }),
  play: playUntilState('level', 'active', 'building-momentum'),
}

/** Every level complete. */
export const AllComplete: Story = {
  parameters: apiParameters({ progress: everything }),
  play: playUntilState('level', 'complete', 'power-user'),
}

/** A locked level opened by the user: its rows show what is ahead. */
export const LockedLevelOpened: Story = {
  play: async ({ canvasElement, userEvent }) => {
    await playUntilState('level', 'locked', 'building-momentum')({ canvasElement })
    const trigger = await waitForElement('[data-cairn-level="building-momentum"] [data-cairn-level-trigger]', canvasElement)
    await userEvent.click(trigger)
    await expect(trigger).toHaveAttribute('aria-expanded', 'true')
  },
}

/** Very long titles and eleven milestones in one level. */
export const LongTitlesAndManyMilestones: Story = {
  parameters: apiParameters({
    program: longProgram,
    progress: meProgress(evaluate(longProgram, halfwayEvents, { now: NOW, subject: storySubject(3) })),
  }),
}

/** Composed from the parts: only level 2, open, with a custom trigger label. */
export const ComposedFromParts: Story = {
  render: () => (
    <LevelChecklist.Root>
      <LevelChecklist.Level id="building-momentum" defaultOpen>
        <LevelChecklist.Trigger>Coming up next: Building momentum</LevelChecklist.Trigger>
        <LevelChecklist.Content />
      </LevelChecklist.Level>
    </LevelChecklist.Root>
  ),
  play: playUntilState('level', 'locked', 'building-momentum'),
}

/** Right-to-left layout: chevrons and counts mirror. */
export const RightToLeft: Story = { globals: { locale: 'ar' } }
