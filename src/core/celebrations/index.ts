export { celebrationsBetween, celebrationId, celebrationText } from './celebrations-between'
export { sortCelebrations } from './sort-celebrations'
export { planCelebrations, MODAL_COOLDOWN_MS, MAX_SEPARATE_TOASTS, type CelebrationDisplay, type PlanOptions } from './plan-celebrations'
export { levelCompletionTimes } from './level-completed-at'
