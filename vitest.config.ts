import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/chromium.ts'

// Each kind of test lives in its own project so environments never leak into one another.
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/{core,server,client,store,cli}/**/*.test.ts'],
          globals: true,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/react/**/*.test.{ts,tsx}'],
          globals: true,
          setupFiles: ['test/react/setup.ts'],
        },
      },
      {
        // The same widget tests on React 18.3: Vite's alias covers our sources, test/react18's resolution hooks
        // cover what Node loads itself (react-dom's own `require('react')`, motion, Testing Library).
        extends: true,
        resolve: {
          alias: [
            { find: /^react(\/.*)?$/, replacement: 'react-18$1' },
            { find: /^react-dom(\/.*)?$/, replacement: 'react-dom-18$1' },
          ],
        },
        test: {
          name: 'dom-react18',
          environment: 'jsdom',
          include: ['test/react/**/*.test.{ts,tsx}'],
          globals: true,
          setupFiles: ['test/react/setup.ts'],
          env: { CAIRN_REACT_MAJOR: '18' },
          execArgv: ['--import', './test/react18/redirect-react.mjs'],
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globals: true,
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        // The packed tarball in fresh consumer apps (React 18.3 and 19): see test/package/consumer.test.ts.
        extends: true,
        test: {
          name: 'package',
          environment: 'node',
          include: ['test/package/**/*.test.ts'],
          globals: true,
          testTimeout: 180_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
})
