import type { MeProgress } from '../../../src/core'
import { availableBackends, storageSuite } from './backends'
import { eventsFor } from './events'

const NOW = new Date('2026-03-10T12:00:00.000Z')
const SIGNED_UP = '2026-03-01T09:00:00.000Z'

describe.each(availableBackends())('the service clock on $name', (backend) => {
  const { start } = storageSuite(backend)

  it('evaluates live pushes at the injected clock, not the machine clock', async () => {
    const service = await start(undefined, { now: () => NOW })
    await service.upsertSubject('u1', { signedUpAt: SIGNED_UP })
    const pushed = new Promise<MeProgress>((resolve) => {
      const stop = service.subscribe('u1', (progress) => {
        if (progress.milestones['first-project']?.state !== 'achieved') return
        stop()
        resolve(progress)
      })
    })
    await service.ingest(eventsFor('u1', 'project_created', 1, { end: NOW }), { now: NOW })
    expect((await pushed).evaluatedAt).toBe(NOW.toISOString())
  })
})
