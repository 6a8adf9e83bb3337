import type { Decorator } from '@storybook/react-vite'

/** Shows a part at the widget's own width (360 px), the way it sits inside the panel. */
export const inPanelWidth: Decorator = (Story) => (
  <div style={{ maxWidth: 360 }}>
    <Story />
  </div>
)
