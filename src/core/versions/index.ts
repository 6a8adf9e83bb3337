// Program versions: what a subject keeps across versions, and what changed between two versions.
export { carryAchievements } from './carry-achievements'
export {
  achievementsOf, beyondProgress, isEmptyCarry, noCarriedAchievements, unionAchievements, type CarriedAchievements,
} from './carried-achievements'
export { diffPrograms, isEmptyDiff, sameJson, type ChangeSet, type ProgramDiff } from './program-diff'
export { calmCelebrations, progressAcrossVersions, type VersionedProgress } from './version-transition'
