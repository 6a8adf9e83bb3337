import { buildAccountView, demoProgram, type CohortMember, type Progress } from '../src/core'
import { time, type BenchResult } from './harness'

const DAY_MS = 86_400_000
const NOW = new Date('2026-06-01T00:00:00Z')

/** `accounts` accounts of 1–5 users each, signed up over two years, each user with a random share of milestones done. */
function syntheticCohort(accounts: number): CohortMember[] {
  let seed = 7
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
  const members: CohortMember[] = []
  for (let a = 0; a < accounts; a++) {
    const signedUpMs = NOW.getTime() - Math.floor(random() * 730) * DAY_MS
    const users = 1 + Math.floor(random() * 5)
    for (let u = 0; u < users; u++) {
      const milestones: Progress['milestones'] = {}
      for (const milestone of demoProgram.milestones) {
        const done = random() < 0.5
        const at = signedUpMs + Math.floor(random() * (NOW.getTime() - signedUpMs))
        milestones[milestone.id] = done
          ? { state: 'achieved', current: 1, target: 1, achievedAt: new Date(at).toISOString() }
          : { state: 'in_progress', current: 0, target: 1 }
      }
      const progress = { programId: demoProgram.id, programVersion: '1', evaluatedAt: NOW.toISOString(), milestones, levels: [], badges: [], unlockedFeatures: [], nextSteps: [] } as Progress
      members.push({ subject: { userId: `a${a}-u${u}`, accountId: `acct-${a}`, signedUpAt: new Date(signedUpMs).toISOString(), traits: { plan: random() < 0.5 ? 'team' : 'business' } }, progress })
    }
  }
  return members
}

/** The floor: one pass over every member's milestones (what any accounts view must at least read). */
function countAchieved(members: readonly CohortMember[]): number {
  let achieved = 0
  for (const { progress } of members) for (const entry of Object.values(progress.milestones)) if (entry.state === 'achieved') achieved++
  return achieved
}

/** The accounts view at 100,000 accounts against a single counting pass over the same snapshots. */
export async function accountViewAtScale(): Promise<BenchResult> {
  const members = syntheticCohort(100_000)
  const floor = await time(() => countAchieved(members), 3, 1)
  const view = await time(() => buildAccountView(demoProgram, members, NOW), 3, 1)
  return {
    name: `accounts view (GET /v1/accounts rebuild) over 100,000 accounts / ${members.length.toLocaleString('en')} users`,
    baseline: { label: 'one counting pass over every snapshot', ms: floor },
    candidate: { label: 'buildAccountView (fold, pace sweep, segments, actions)', ms: view },
    note: 'pace is one histogram sweep per segment, not a peer scan per account; the server rebuilds at most every 30 s and pages from memory',
  }
}

/** Growth: the same view over 10,000 accounts against 100,000 (linear would be ×10). */
export async function accountViewGrowth(): Promise<BenchResult> {
  const small = syntheticCohort(10_000)
  const large = syntheticCohort(100_000)
  const smallMs = await time(() => buildAccountView(demoProgram, small, NOW), 3, 1)
  const largeMs = await time(() => buildAccountView(demoProgram, large, NOW), 3, 1)
  return {
    name: 'accounts view growth, 10,000 → 100,000 accounts (×10 accounts)',
    baseline: { label: '100,000 accounts', ms: largeMs },
    candidate: { label: '10,000 accounts', ms: smallMs },
    note: 'a ratio near ×10 means linear in accounts',
  }
}

export const accountsBenchmarks = [accountViewAtScale, accountViewGrowth]
