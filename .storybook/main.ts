import type { StorybookConfig } from '@storybook/react-vite'

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  // msw's service worker lives in public/ so the mocked API works in dev and in the static build.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  // Pre-bundle up front what stories reach only at run time (the lazy celebration chunk, msw's worker
  // client). Found mid-run, Vite re-optimizes and reloads: story tests then flake, or load React twice.
  viteFinal: (config) => ({
    ...config,
    optimizeDeps: {
      ...config.optimizeDeps,
      include: [
        ...(config.optimizeDeps?.include ?? []),
        'react',
        'react-dom',
        'react-dom/client',
        'react/jsx-runtime',
        'react/jsx-dev-runtime',
        'motion',
        'motion/react',
        'canvas-confetti',
        'msw',
        'msw/browser',
        'zod/mini',
        'zustand/vanilla',
      ],
    },
  }),
}
export default config
