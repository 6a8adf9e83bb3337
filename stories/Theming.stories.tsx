import type { Meta, StoryObj } from '@storybook/react-vite'
import { ProgressWidget } from '../src/react'
import { withBenchmarks } from './fixtures/snapshots'
import { apiParameters, componentDocs, waitForWidget } from './support/story-helpers'

interface BrandArgs {
  accent: string
  onAccent: string
  achieved: string
  /** The dark theme's accent: a brand colour dark enough for white text is too dark on a dark panel. */
  accentDark: string
  onAccentDark: string
  achievedDark: string
  radius: number
  fontSize: number
  panelWidth: number
  font: string
}

/**
 * The widget with a host's overrides of the `--cairn-*` variables, as a host stylesheet would set them: one set
 * of colours for the light theme and one for the dark theme (chosen explicitly or by the system).
 */
function BrandedWidget({ accent, onAccent, achieved, accentDark, onAccentDark, achievedDark, radius, fontSize, panelWidth, font }: BrandArgs) {
  const dark = `--cairn-accent: ${accentDark};
  --cairn-on-accent: ${onAccentDark};
  --cairn-achieved: ${achievedDark};`
  const css = `.story-brand [data-cairn-styled] {
  --cairn-accent: ${accent};
  --cairn-on-accent: ${onAccent};
  --cairn-achieved: ${achieved};
  --cairn-radius: ${radius}px;
  --cairn-font-size: ${fontSize}px;
  --cairn-panel-width: ${panelWidth}px;
  --cairn-font: ${font};
}
.story-brand [data-cairn-styled][data-cairn-theme="dark"] {
  ${dark}
}
@media (prefers-color-scheme: dark) {
  .story-brand [data-cairn-styled][data-cairn-theme="system"] {
    ${dark}
  }
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
      'Change the variables with the controls. A brand colour needs a second value for the dark theme (teal 700 is 5.5:1 on white but 2.5:1 on the dark panel), so the controls have both. The accessibility check runs on every story here in light and in dark, and fails it when a colour drops below 4.5:1.',
    ),
  },
  argTypes: {
    accent: { control: 'color', description: '--cairn-accent' },
    onAccent: { control: 'color', description: '--cairn-on-accent' },
    achieved: { control: 'color', description: '--cairn-achieved' },
    accentDark: { control: 'color', description: '--cairn-accent in the dark theme' },
    onAccentDark: { control: 'color', description: '--cairn-on-accent in the dark theme' },
    achievedDark: { control: 'color', description: '--cairn-achieved in the dark theme' },
    radius: { control: { type: 'range', min: 0, max: 24, step: 1 }, description: '--cairn-radius (px)' },
    fontSize: { control: { type: 'range', min: 12, max: 18, step: 1 }, description: '--cairn-font-size (px)' },
    panelWidth: { control: { type: 'range', min: 280, max: 480, step: 10 }, description: '--cairn-panel-width (px)' },
    font: { control: 'text', description: '--cairn-font' },
  },
  args: {
    accent: '#0f766e',
    onAccent: '#ffffff',
    achieved: '#15803d',
    accentDark: '#5eead4',
    onAccentDark: '#042f2e',
    achievedDark: '#4ade80',
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

/** The teal brand in the dark theme: teal 300 on the dark panel, dark teal text on it. */
export const TealDark: Story = { globals: { theme: 'dark' } }

const warm = { accent: '#92400e', accentDark: '#fcd34d', onAccentDark: '#451a03', radius: 16, fontSize: 15, font: 'system-ui, sans-serif' }

/** A warm brand: amber 800 accent, larger type. */
export const Warm: Story = { args: warm }

/** The warm brand in the dark theme: amber 300. */
export const WarmDark: Story = { args: warm, globals: { theme: 'dark' } }
