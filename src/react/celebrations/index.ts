// The celebration room: the ready layer, the headless hook, and the parts for teams composing their own.
export { CelebrationLayer, type CelebrationLayerProps } from './celebration-layer'
export { useCelebrations, type CelebrationsApi, type UseCelebrationsOptions } from './use-celebrations'
export { CelebrationDialog, dialogDetails, type CelebrationDialogProps, type DialogDetails } from './celebration-dialog'
export { CelebrationToasts, TOAST_DURATION_MS, type CelebrationToastsProps } from './celebration-toasts'
export {
  defaultCelebrationMessages,
  deCelebrationMessages,
  resolveCelebrationMessages,
  type CelebrationMessages,
} from './celebration-messages'
export {
  MAX_VISIBLE_TOASTS,
  celebrationQueueFor,
  createCelebrationQueue,
  type ActiveCelebration,
  type CelebrationEvent,
  type CelebrationQueue,
  type CelebrationQueueOptions,
  type CelebrationQueueSnapshot,
  type DismissReason,
  type ModalDisplay,
  type ToastDisplay,
} from './celebration-queue'
export { prefersReducedMotion, useReducedMotion } from './reduced-motion'
