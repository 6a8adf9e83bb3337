// Experiments: who is held out or sees which threshold (deterministic assignment), and honest lift statistics.
export { estimateLift, wilsonInterval, type ArmCounts, type EstimateLiftInput, type Lift, type LiftEstimate, type NoLiftEstimate, type LiftUnavailable } from './lift'
export { sampleSizeForEffect, moreSubjectsNeeded, type SampleSize, type SampleSizeInput } from './power'
export { Z_95 } from './normal'
export { sha256 } from './sha256'
export {
  applyVariants, assignmentBucket, assignmentUnit, bucketFromHash, experimentArm, pickVariant, variantAssignments, variantSetId,
  type ExperimentArm,
} from './assignment'
export { ExperimentInsightsSchema, ExperimentArmSchema, LiftSchema, VariantArmSchema, type ExperimentInsights } from './insights-schema'
