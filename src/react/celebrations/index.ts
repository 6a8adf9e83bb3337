// The celebration room: the ready layer, the headless hook, and the always-loaded parts for teams composing
// their own. The dialog (celebration-modal, celebration-dialog) and the animation (celebration-chunk) are
// loaded with import() on the first big moment, so they are deliberately not exported from here.
export { CelebrationLayer, type CelebrationLayerProps } from './celebration-layer'
export { useCelebrations, type CelebrationsApi, type UseCelebrationsOptions } from './use-celebrations'
export { CelebrationToasts, TOAST_DURATION_MS, type CelebrationToastsProps } from './celebration-toasts'
export type { CelebrationMessages } from './celebration-messages'
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
