import type { Program } from '../schemas/program'
import type { Subject } from '../schemas/event'
import { sha256 } from './sha256'

/** Arm of the holdout experiment: `holdout` subjects are evaluated but see nothing. */
export type ExperimentArm = 'holdout' | 'treatment'

const TWO_POW_32 = 2 ** 32

/** Who is assigned: the whole account together (a team sees one widget), the user when there is no account. */
export function assignmentUnit(subject: Pick<Subject, 'userId' | 'accountId'>): string {
  return subject.accountId ?? subject.userId
}

/** `uint32(first 4 bytes of hash) / 2^32 × 100`: a bucket in [0, 100). Takes any digest, so a host may hash elsewhere. */
export function bucketFromHash(hash: Uint8Array): number {
  if (hash.length < 4) throw new RangeError('a hash of at least 4 bytes is needed')
  const word = ((hash[0]! << 24) | (hash[1]! << 16) | (hash[2]! << 8) | hash[3]!) >>> 0
  return (word / TWO_POW_32) * 100
}

/** The bucket of `sha256("<setId>:<unit>")`; the same inputs give the same bucket everywhere, forever. */
export function assignmentBucket(setId: string, unit: string): number {
  return bucketFromHash(sha256(`${setId}:${unit}`))
}

/** Holdout when the unit's bucket for the experiment id is below `holdoutPercent` (DESIGN §7.6). */
export function experimentArm(experiment: { id: string; holdoutPercent: number }, unit: string): ExperimentArm {
  return assignmentBucket(experiment.id, unit) < experiment.holdoutPercent ? 'holdout' : 'treatment'
}

/**
 * The id a milestone's variant set is hashed with: `variants:<milestoneId>`. The prefix keeps it apart from the
 * experiment id, so holdout and variant buckets are independent even when an experiment shares a milestone's id.
 */
export function variantSetId(milestoneId: string): string {
  return `variants:${milestoneId}`
}

/**
 * The variant whose share of the weight covers `bucket`: variants take consecutive slices of [0, 100)
 * proportional to their weights, in the order listed.
 */
export function pickVariant<V extends { id: string; weight: number }>(variants: readonly V[], bucket: number): V {
  if (variants.length === 0) throw new RangeError('a variant set needs at least one variant')
  const total = variants.reduce((sum, v) => sum + v.weight, 0)
  let upTo = 0
  for (const variant of variants) {
    upTo += (variant.weight / total) * 100
    if (bucket < upTo) return variant
  }
  return variants[variants.length - 1]!
}

/** Fresh variant choice per milestone with variants, for one unit (the server records it and reuses the record). */
export function variantAssignments(program: Program, unit: string): Record<string, string> {
  const chosen: Record<string, string> = {}
  for (const milestone of program.milestones) {
    if (milestone.variants) chosen[milestone.id] = pickVariant(milestone.variants, assignmentBucket(variantSetId(milestone.id), unit)).id
  }
  return chosen
}

/**
 * The program as one subject sees it: each milestone with variants takes its assigned variant's criterion; without
 * a (known) assignment the milestone keeps its own `criterion`, the default (local mode has no assignment record).
 * Pure; `evaluate` and the incremental evaluator given this program agree as they do for any program.
 * A program without variants is returned as is.
 */
export function applyVariants(program: Program, chosen: Readonly<Record<string, string>>): Program {
  if (!program.milestones.some((m) => m.variants)) return program
  return {
    ...program,
    milestones: program.milestones.map((milestone) => {
      if (!milestone.variants) return milestone
      const variant = milestone.variants.find((v) => v.id === chosen[milestone.id])
      return variant ? { ...milestone, criterion: variant.criterion } : milestone
    }),
  }
}
