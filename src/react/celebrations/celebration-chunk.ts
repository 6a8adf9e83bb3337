// The one lazy celebration chunk, loaded with import() on a provider's first pending celebration: the queue
// and policy, the toasts, the dialog, motion and canvas-confetti. Only celebration-host imports it, and only
// dynamically: a static import would put all of this into every page's first load.
export { createCelebrationQueue } from './celebration-queue'
export { CelebrationView } from './celebration-view'
