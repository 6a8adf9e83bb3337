// The celebration room: `<CairnProvider>` mounts its one layer (celebration-host); the layer's settings part
// and the headless hook are light. Everything that shows a moment loads in one lazy chunk (celebration-chunk),
// deliberately not exported from here: a static import would put it back into every page's first load.
export { CelebrationHost, type CelebrationHostProps } from './celebration-host'
export { CelebrationLayer, type CelebrationLayerProps } from './celebration-layer'
export { useCelebrations, type CelebrationsApi } from './use-celebrations'
export type { CelebrationPolicy } from './celebration-types'
export type { CelebrationMessages } from './celebration-messages'
export type { ActiveCelebration, CelebrationQueue, CelebrationQueueSnapshot, ModalDisplay, ToastDisplay } from './celebration-queue'
