import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { MilestoneRow } from '../src/react'
import { demoProgram } from '../src/core'
import { caughtUp, dueSoon, halfway, missedDeadline, valueSummary } from './fixtures/snapshots'
import { inPanelWidth } from './support/panel'
import { apiParameters, componentDocs, playUntilState, waitForText } from './support/story-helpers'

const meta = {
  title: 'Parts/MilestoneRow',
  component: MilestoneRow,
  tags: ['autodocs'],
  decorators: [inPanelWidth],
  parameters: {
    ...apiParameters({ progress: halfway }),
    docs: componentDocs(
      'One milestone: icon, title, "3 / 5", its state, a due date or catch-up nudge, and its call to action while it is open. Carries `data-cairn-milestone="<id>"` and `data-state`. Subscribes only to its own milestone, so updates elsewhere never re-render it.',
    ),
  },
  argTypes: {
    id: { control: 'select', options: demoProgram.milestones.map((milestone) => milestone.id), description: 'Milestone id from the program' },
    showCta: { control: 'boolean' },
  },
  args: { id: 'five-tasks', showCta: true },
  play: playUntilState('milestone', 'in_progress', 'five-tasks'),
} satisfies Meta<typeof MilestoneRow>
export default meta
type Story = StoryObj<typeof meta>

/** Started: "3 / 5", "In progress", and the call to action. */
export const InProgress: Story = {}

/** Not started yet: an open circle and "To do". */
export const Available: Story = { args: { id: 'invite-teammate' }, play: playUntilState('milestone', 'available', 'invite-teammate') }

/** Done: a green check; the CTA is gone. */
export const Achieved: Story = { args: { id: 'first-project' }, play: playUntilState('milestone', 'achieved', 'first-project') }

/** In a level that is not open yet: greyed with a padlock (its count still moves). */
export const Locked: Story = { args: { id: 'three-projects' }, play: playUntilState('milestone', 'locked', 'three-projects') }

/** Deadline tomorrow: the date and icon turn amber. */
export const DueSoon: Story = {
  args: { id: 'finish-setup' },
  parameters: apiParameters({ progress: dueSoon }),
  play: async (context) => {
    await playUntilState('milestone', 'in_progress', 'finish-setup')(context)
    await expect(context.canvasElement.querySelector('[data-cairn-milestone="finish-setup"]')).toHaveAttribute('data-due-soon')
  },
}

/** Deadline passed: "Deadline passed — you can still catch up", with a "Catch up" link that leads back. */
export const MissedWithCatchUp: Story = {
  args: { id: 'finish-setup' },
  parameters: apiParameters({ progress: missedDeadline }),
  play: async (context) => {
    await playUntilState('milestone', 'missed', 'finish-setup')(context)
    await waitForText('[data-cairn-milestone="finish-setup"] a[data-cairn-cta]', /^catch up/i, context.canvasElement)
  },
}

/** Achieved after the deadline: "Done — caught up". */
export const AchievedLate: Story = {
  args: { id: 'finish-setup' },
  parameters: apiParameters({ progress: caughtUp }),
  play: async (context) => {
    await playUntilState('milestone', 'achieved', 'finish-setup')(context)
    await expect(context.canvasElement.querySelector('[data-cairn-milestone="finish-setup"]')).toHaveAttribute('data-late')
  },
}

/** `showCta={false}` for compact lists. */
export const WithoutCta: Story = {
  args: { showCta: false },
  play: async (context) => {
    await playUntilState('milestone', 'in_progress', 'five-tasks')(context)
    await expect(context.canvasElement.querySelector('[data-cairn-cta]')).toBeNull()
  },
}

/** German. */
export const German: Story = { globals: { locale: 'de' } }

/** A right-to-left title next to left-to-right numbers: each piece keeps its own direction. */
const hebrewTitles = {
  ...demoProgram,
  milestones: demoProgram.milestones.map((milestone) =>
    milestone.id === 'time-saved' ? { ...milestone, title: 'השלימו 50 משימות' } : milestone,
  ),
}

/** Where on screen a piece of the row's count is drawn. */
function leftOf(element: Element, text: string): number {
  const node = element.firstChild
  const at = node?.textContent?.indexOf(text) ?? -1
  if (!node || at < 0) throw new Error(`"${text}" not found in the count`)
  const range = document.createRange()
  range.setStart(node, at)
  range.setEnd(node, at + text.length)
  return range.getBoundingClientRect().left
}

/**
 * Right to left (Arabic layout) with a Hebrew program title: the title takes its own direction and the
 * fraction still reads "40 / 50" — never "50 / 40".
 */
export const RightToLeft: Story = {
  args: { id: 'time-saved' },
  globals: { locale: 'ar' },
  parameters: apiParameters({ program: hebrewTitles, progress: valueSummary }),
  play: async ({ canvasElement }) => {
    const count = await waitForText('[data-cairn-milestone="time-saved"] [data-cairn-milestone-count]', /40 \/ 50/, canvasElement)
    await expect(leftOf(count, '40')).toBeLessThan(leftOf(count, '50'))
    const title = canvasElement.querySelector('[data-cairn-milestone="time-saved"] [data-cairn-milestone-title]')
    await expect(title).toHaveAttribute('dir', 'auto')
  },
}
