import type { Preview } from '@storybook/react-vite'
// The shipped stylesheet (it pulls in the celebration layer's styles), exactly as a host app imports it.
import '../src/react/styles.css'
import { cairnApi } from '../stories/support/cairn-api'
import { withCairn } from './cairn-frame'
import { mswLoader } from './msw'
import { settleAnimationsUnderTest } from './test-mode'

settleAnimationsUnderTest()

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'Colour theme of the widget and the page around it',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language and writing direction',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
          { value: 'ar', title: 'Arabic layout (right to left, English strings)' },
        ],
        dynamicTitle: true,
      },
    },
    motion: {
      description: 'Emulates prefers-reduced-motion: no confetti, no scale-in, fades only',
      toolbar: {
        title: 'Motion',
        icon: 'transfer',
        items: [
          { value: 'full', title: 'Full motion' },
          { value: 'reduce', title: 'Reduced motion' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en', motion: 'full' },
  decorators: [withCairn],
  loaders: [mswLoader],
  parameters: {
    // The decorator paints the page (theme background, padding), so Storybook adds no frame of its own.
    layout: 'fullscreen',
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
    // Stories that set no handlers of their own still get a working API (day 3 of the demo user).
    msw: { handlers: cairnApi() },
    // Every story is an accessibility test: a violation fails `npm test`.
    a11y: { test: 'error' },
  },
}
export default preview
