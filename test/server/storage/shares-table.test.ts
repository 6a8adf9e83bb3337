// The shares table on every available backend: stored snapshot, owner-only revocation, timestamps round-trip.
import { randomBytes } from 'node:crypto'
import { findShare, insertShare, revokeShare, type Storage } from '../../../src/server/storage'
import { availableBackends } from './backends'

describe.each(availableBackends())('shares table on $name', (backend) => {
  let storage: Storage
  beforeAll(async () => {
    storage = await backend.open()
  })
  afterAll(async () => {
    await storage.close()
    await backend.dispose()
  })

  it('stores a share, finds it by id within its program, and revokes it only for its owner', async () => {
    const programId = `p-${randomBytes(3).toString('hex')}`
    const id = randomBytes(16).toString('base64url')
    const share = { id, userId: 'u-1', kind: 'badge' as const, refId: 'starter', title: 'Starter', firstName: 'Zoë', createdAt: '2026-03-10T12:00:00.000Z' }
    await insertShare(storage, programId, share)
    expect(await findShare(storage, programId, id)).toEqual(share)
    expect(await findShare(storage, 'other-program', id)).toBeUndefined()

    expect(await revokeShare(storage, programId, 'u-2', id, new Date('2026-03-11T00:00:00Z'))).toBe(false)
    expect((await findShare(storage, programId, id))?.revokedAt).toBeUndefined()
    expect(await revokeShare(storage, programId, 'u-1', id, new Date('2026-03-11T00:00:00Z'))).toBe(true)
    // Revoking again keeps the first time.
    expect(await revokeShare(storage, programId, 'u-1', id, new Date('2026-03-12T00:00:00Z'))).toBe(true)
    expect(await findShare(storage, programId, id)).toEqual({ ...share, revokedAt: '2026-03-11T00:00:00.000Z' })
  })
})
