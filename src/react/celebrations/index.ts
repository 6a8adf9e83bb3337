// The celebration room: the layer and the headless hook, both light gates over a runtime (queue, policy,
// toasts, dialog loader) that loads with import() on the first pending celebration. The runtime's modules are
// deliberately not exported from here: a static import would put them back into every page's first load.
export { CelebrationLayer, type CelebrationLayerProps } from './celebration-layer'
export { useCelebrations, type CelebrationsApi, type UseCelebrationsOptions } from './use-celebrations'
export type { CelebrationMessages } from './celebration-messages'
export type {
  ActiveCelebration,
  CelebrationEvent,
  CelebrationQueue,
  CelebrationQueueOptions,
  CelebrationQueueSnapshot,
  DismissReason,
  ModalDisplay,
  ToastDisplay,
} from './celebration-queue'
