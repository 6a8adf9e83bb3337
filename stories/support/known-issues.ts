// Accessibility violations that come from a component, not from a story: reported to the component's
// owner, listed here so there is one place to delete them once fixed. A story showing one is marked
// `a11y.test = 'todo'`: axe still runs and lists the violation in the Accessibility panel, but the story
// test does not fail. Every other story keeps failing on any violation.

/** Component bugs found by the story tests, with where they live. */
// Empty: every story is checked strictly. Add an entry (and `knownA11yIssue(...)` on the story) for a new bug.
export const COMPONENT_A11Y_ISSUES: Record<string, string> = {}

export type ComponentA11yIssue = keyof typeof COMPONENT_A11Y_ISSUES

/** Parameters for a story that shows a known component bug: the a11y check reports instead of failing. */
export function knownA11yIssue(...issues: ComponentA11yIssue[]) {
  return { a11y: { test: 'todo' as const }, knownA11yIssues: issues.map((issue) => COMPONENT_A11Y_ISSUES[issue]) }
}

/** For a story in a file marked with a known issue that does not show it: keep its check strict. */
export const strictA11y = { a11y: { test: 'error' as const } }
