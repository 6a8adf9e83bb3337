// Story tests (Vitest + Playwright) check accessibility on the final frame. Animations caught halfway
// (a toast at 40% opacity, a dialog mid-scale) would fail colour contrast for reasons no user sees, so
// under test every animation jumps to its end state. Interactive Storybook keeps full motion.
import { MotionGlobalConfig } from 'motion'

/** True inside `vitest --project storybook` (or any automated browser). */
export const isStoryTest: boolean =
  Boolean((import.meta as { env?: Record<string, unknown> }).env?.VITEST) ||
  (typeof navigator !== 'undefined' && navigator.webdriver === true)

/** Makes motion, CSS animations and transitions finish instantly. Call once, before any story renders. */
export function settleAnimationsUnderTest(): void {
  if (!isStoryTest || typeof document === 'undefined') return
  MotionGlobalConfig.skipAnimations = true
  const style = document.createElement('style')
  style.dataset.storyTest = ''
  style.textContent =
    '*, *::before, *::after { animation-duration: 0s !important; animation-delay: 0s !important; transition-duration: 0s !important; transition-delay: 0s !important; }'
  document.head.append(style)
}
