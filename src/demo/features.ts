/**
 * What counts as a feature in Taskly: each project view. Choosing a view is a "feature used" event, and
 * three different ones complete "Try 3 different features".
 */
export const PROJECT_VIEWS = [
  { id: 'board-view', label: 'Board', name: 'Board view', description: 'Cards in “To do” and “Done” columns, to see the state of work at a glance.' },
  { id: 'list-view', label: 'List', name: 'List view', description: 'Every task in one list, to scan and tick off quickly.' },
  { id: 'timeline-view', label: 'Timeline', name: 'Timeline view', description: 'What is planned for this week, in order.' },
] as const
export type ProjectViewId = (typeof PROJECT_VIEWS)[number]['id']

export function isProjectView(value: string | null): value is ProjectViewId {
  return PROJECT_VIEWS.some((v) => v.id === value)
}
