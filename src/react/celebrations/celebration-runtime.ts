// The celebration runtime, loaded with import() on a provider's first pending celebration (see
// celebration-runtime-loader). Nothing may import this file statically, or its weight lands in the first load.
export { celebrationQueueFor, analyticsReporter } from './celebration-queue'
export { CelebrationLayerBody } from './celebration-layer-body'
