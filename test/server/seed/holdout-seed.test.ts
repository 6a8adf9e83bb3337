import { demoExperiment, demoProgram, experimentArm } from '../../../src/core'
import { generateCohort, personaAccounts, seedDemo } from '../../../src/server/seed'
import { withHoldoutEffect } from '../../../src/server/seed/holdout-effect'
import { createService } from '../../../src/server/service'
import { openStorage } from '../../../src/server/storage'

const NOW = new Date('2026-06-15T10:00:00.000Z')

describe('the demo experiment in the seed', () => {
  it('keeps every fixed persona account in the treatment arm, so the demo always shows the widget', () => {
    for (const account of personaAccounts(NOW)) expect(experimentArm(demoExperiment, account.accountId)).toBe('treatment')
  })

  it('changes held-out accounts only, and only by dropping invitations', () => {
    const cohort = generateCohort({ accounts: 300, now: NOW })
    const seeded = withHoldoutEffect(cohort, demoExperiment)
    let changed = 0
    seeded.forEach((account, i) => {
      const original = cohort[i]!
      if (experimentArm(demoExperiment, account.accountId) === 'treatment') expect(account).toBe(original)
      if (account === original) return
      changed++
      expect(account.events).toEqual(original.events.filter((e) => e.name !== 'teammate_invited'))
    })
    expect(changed).toBeGreaterThan(0)
    expect(withHoldoutEffect(cohort, undefined)).toEqual(cohort)
  })

  it('gives the demo a real, uncertain lift: about a tenth held out, an interval around the estimate, more accounts needed', async () => {
    const storage = await openStorage({ memory: true })
    const service = await createService({ program: { ...demoProgram, experiment: demoExperiment }, storage })
    try {
      await seedDemo({ service, storage }, { now: NOW })
      const result = (await service.experiment(NOW))!
      const counted = result.treatment.n + result.holdout.n
      expect(result.holdout.n / counted).toBeGreaterThan(0.05)
      expect(result.holdout.n / counted).toBeLessThan(0.15)
      expect(result.treatment.rate!).toBeGreaterThan(result.holdout.rate!)
      const [lo, hi] = result.lift.ci95!
      expect(lo).toBeLessThan(result.lift.absolute!)
      expect(hi).toBeGreaterThan(result.lift.absolute!)
      expect(result.power!.moreSubjectsNeeded).toBeGreaterThan(1000)
    } finally {
      await service.close()
    }
  }, 180_000) // seeding the full demo cohort (300 accounts) through the service
})
