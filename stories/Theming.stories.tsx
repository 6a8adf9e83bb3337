import type { Meta, StoryObj } from '@storybook/react-vite'
import { ProgressWidget } from '../src/react'
import { withBenchmarks } from './fixtures/snapshots'
import { apiParameters, componentDocs, waitForWidget } from './support/story-helpers'

interface BrandArgs {
  accent: string
  onAccent: string
  achieved: string
  radius: number
  fontSize: number
  panelWidth: number
  font: string
}

/** The widget with a host's overrides of the `--cairn-*` variables, as a host stylesheet would set them. */
function BrandedWidget({ accent, onAccent, achieved, radius, fontSize, panelWidth, font }: BrandArgs) {
  const css = `.story-brand [data-cairn-styled] {
  --cairn-accent: ${accent};
  --cairn-on-accent: ${onAccent};
  --cairn-achieved: ${achieved};
  --cairn-radius: ${radius}px;
  --cairn-font-size: ${fontSize}px;
  --cairn-panel-width: ${panelWidth}px;
  --cairn-font: ${font};
}`
  return (
    <div className="story-brand">
      <style>{css}</style>
      <ProgressWidget />
    </div>
  )
}

const meta = {
  title: 'Theming/Brand colours',
  component: BrandedWidget,
  parameters: {
    ...apiParameters({ progress: withBenchmarks }),
    docs: componentDocs(
      'Change the variables with the controls. The accessibility check fails the story when a colour drops below 4.5:1, so the defaults here are a passing brand: teal 700 on white.',
    ),
  },
  argTypes: {
    accent: { control: 'color', description: '--cairn-accent' },
    onAccent: { control: 'color', description: '--cairn-on-accent' },
    achieved: { control: 'color', description: '--cairn-achieved' },
    radius: { control: { type: 'range', min: 0, max: 24, step: 1 }, description: '--cairn-radius (px)' },
    fontSize: { control: { type: 'range', min: 12, max: 18, step: 1 }, description: '--cairn-font-size (px)' },
    panelWidth: { control: { type: 'range', min: 280, max: 480, step: 10 }, description: '--cairn-panel-width (px)' },
    font: { control: 'text', description: '--cairn-font' },
  },
  args: {
    accent: '#0f766e',
    onAccent: '#ffffff',
    achieved: '#15803d',
    radius: 6,
    fontSize: 14,
    panelWidth: 380,
    font: 'Georgia, "Times New Roman", serif',
  },
  play: async ({ canvasElement }) => {
    await waitForWidget(canvasElement)
  },
} satisfies Meta<typeof BrandedWidget>
export default meta
type Story = StoryObj<typeof meta>

/** A teal brand with tighter corners and a serif face. */
export const Teal: Story = {}

/** A warm brand: amber 800 accent, larger type. */
export const Warm: Story = { args: { accent: '#92400e', radius: 16, fontSize: 15, font: 'system-ui, sans-serif' } }
