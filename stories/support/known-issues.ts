// Accessibility violations that come from a component, not from a story: reported to the component's
// owner, listed here so there is one place to delete them once fixed. A story showing one is marked
// `a11y.test = 'todo'`: axe still runs and lists the violation in the Accessibility panel, but the story
// test does not fail. Every other story keeps failing on any violation.

/** Component bugs found by the story tests, with where they live. */
export const COMPONENT_A11Y_ISSUES = {
  /**
   * landmark-unique: an open level renders `<section data-cairn-level aria-labelledby={trigger}>` and inside it
   * `<div role="region" data-cairn-level-content aria-labelledby={trigger}>` — two region landmarks with the same
   * name. (src/react/components/level-checklist-parts.tsx, Level and Content)
   */
  levelRegionNamedTwice: 'LevelChecklist: section and content region share one accessible name (landmark-unique)',
  /**
   * aria-allowed-role + list: each toast is `<li role="status">` inside an `<ol>`; `status` is not allowed on
   * `li`, and the list then holds non-listitems. (src/react/celebrations/celebration-toasts.tsx)
   */
  toastStatusOnListItem: 'CelebrationToasts: role="status" on <li> (aria-allowed-role, list)',
  /**
   * color-contrast in the dark theme: celebrations.css colours secondary text with `var(--cairn-muted, #4b5563)`,
   * a variable styles.css never defines (it defines `--cairn-text-muted`), so the light fallback lands on the
   * dark dialog/toast: 2.34:1. (src/react/celebrations/celebrations.css)
   */
  celebrationMutedUndefined: 'celebrations.css: undefined --cairn-muted falls back to #4b5563 on dark (color-contrast)',
} as const

export type ComponentA11yIssue = keyof typeof COMPONENT_A11Y_ISSUES

/** Parameters for a story that shows a known component bug: the a11y check reports instead of failing. */
export function knownA11yIssue(...issues: ComponentA11yIssue[]) {
  return { a11y: { test: 'todo' as const }, knownA11yIssues: issues.map((issue) => COMPONENT_A11Y_ISSUES[issue]) }
}

/** For a story in a file marked with a known issue that does not show it: keep its check strict. */
export const strictA11y = { a11y: { test: 'error' as const } }
