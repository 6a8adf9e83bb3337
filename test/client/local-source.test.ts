import { describe, expect, it, vi } from 'vitest'
import type { SourceListener } from '../../src/client'
import { localSource, memoryStorage, type StorageLike } from '../../src/client/local'
import { demoProgram, type MeProgress } from '../../src/core'

const NOW = new Date('2026-05-01T12:00:00.000Z')
const KEY = 'cairn:v1:taskly-onboarding:local-user'

function open(storage: StorageLike, extra: Partial<Parameters<typeof localSource>[0]> = {}) {
  return localSource({ program: demoProgram, storage, now: () => NOW, ...extra })
}

function collect() {
  const received: MeProgress[] = []
  const spy: SourceListener = { progress: (p) => received.push(p), error: () => {} }
  return { spy, received }
}

describe('localSource', () => {
  it('starts with nothing achieved and the first level active', async () => {
    const { progress, program } = await open(memoryStorage()).load()
    expect(program).toBe(demoProgram)
    expect(progress.milestones['first-project']).toMatchObject({ state: 'available', current: 0 })
    expect(progress.levels[0]).toMatchObject({ id: 'getting-started', state: 'active' })
    expect(progress.celebrations).toEqual([])
    expect(progress.benchmarks).toBeUndefined()
  })

  it('pushes the new snapshot to subscribers before track resolves', async () => {
    const source = open(memoryStorage())
    await source.load()
    const { spy, received } = collect()
    source.subscribe(spy)
    const tracking = source.track({ name: 'project_created' })
    expect(received).toHaveLength(1) // synchronously, no await in between
    await tracking
    expect(received[0]!.milestones['first-project']).toMatchObject({ state: 'achieved', achievedAt: NOW.toISOString() })
  })

  it('counts an event tracked twice with the same id once', async () => {
    const source = open(memoryStorage())
    await source.track({ name: 'task_added', id: 'evt-1' })
    await source.track({ name: 'task_added', id: 'evt-1' })
    expect((await source.load()).progress.milestones['five-tasks']).toMatchObject({ current: 1 })
  })

  it('keeps progress across instances sharing the same storage', async () => {
    const storage = memoryStorage()
    const first = open(storage)
    await first.track({ name: 'project_created' })
    await first.track({ name: 'task_added' })
    const later = open(storage, { now: () => new Date(NOW.getTime() + 60_000) })
    const { progress } = await later.load()
    expect(progress.milestones['first-project']).toMatchObject({ state: 'achieved' })
    expect(progress.milestones['five-tasks']).toMatchObject({ current: 1 })
  })

  it('keeps each subject apart under its own key', async () => {
    const storage = memoryStorage()
    await open(storage, { subject: { userId: 'ada' } }).track({ name: 'project_created' })
    const other = await open(storage, { subject: { userId: 'grace' } }).load()
    expect(other.progress.milestones['first-project']).toMatchObject({ current: 0 })
  })

  it('remembers the first use as the signup date, so deadlines do not restart on reload', async () => {
    const storage = memoryStorage()
    await open(storage).load()
    const eightDaysLater = new Date(NOW.getTime() + 8 * 24 * 60 * 60 * 1000)
    const { progress } = await open(storage, { now: () => eightDaysLater }).load()
    expect(progress.milestones['finish-setup']).toMatchObject({ state: 'missed' })
  })

  it('starts fresh from corrupt storage and reports it through onError', async () => {
    for (const corrupt of ['{not json', JSON.stringify({ version: 1, events: 'lots' }), JSON.stringify([1, 2, 3])]) {
      const storage = memoryStorage()
      storage.setItem(KEY, corrupt)
      const onError = vi.fn()
      const source = open(storage, { onError })
      const { progress } = await source.load()
      expect(progress.milestones['first-project']).toMatchObject({ current: 0 })
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ name: 'CairnError' }))
      await source.track({ name: 'project_created' })
      expect(JSON.parse(storage.getItem(KEY)!)).toMatchObject({ version: 1, events: [expect.objectContaining({ name: 'project_created' })] })
    }
  })

  it('keeps working in memory when storage is full, reporting the failure', async () => {
    const full: StorageLike = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError')
      },
      removeItem: () => {},
    }
    const onError = vi.fn()
    const source = open(full, { onError })
    await source.track({ name: 'project_created' })
    expect((await source.load()).progress.milestones['first-project']).toMatchObject({ state: 'achieved' })
    expect(onError).toHaveBeenCalled()
  })

  it('keeps a celebration pending until it is acknowledged, also in a new instance', async () => {
    const storage = memoryStorage()
    const source = open(storage)
    await source.track({ name: 'project_created' })
    const pending = (await source.load()).progress.celebrations
    expect(pending.map((c) => c.id)).toContain('milestone:first-project')
    await source.ackCelebration('milestone:first-project')
    expect((await source.load()).progress.celebrations.map((c) => c.id)).not.toContain('milestone:first-project')
    expect((await open(storage).load()).progress.celebrations.map((c) => c.id)).not.toContain('milestone:first-project')
  })

  it('rejects malformed input with invalid_input and records nothing', async () => {
    const storage = memoryStorage()
    const source = open(storage)
    await expect(source.track({ name: '' })).rejects.toMatchObject({ code: 'invalid_input' })
    await expect(source.track({ name: 'task_added', timestamp: 'yesterday' })).rejects.toMatchObject({ code: 'invalid_input' })
    expect((await source.load()).progress.milestones['five-tasks']).toMatchObject({ current: 0 })
  })

  it('forgets everything on reset and tells subscribers', async () => {
    const storage = memoryStorage()
    const source = open(storage)
    await source.track({ name: 'project_created' })
    const { spy, received } = collect()
    source.subscribe(spy)
    source.reset()
    expect(received.at(-1)!.milestones['first-project']).toMatchObject({ current: 0 })
    expect((await open(storage).load()).progress.milestones['first-project']).toMatchObject({ current: 0 })
  })

  it('summarises the week in a digest', async () => {
    const source = open(memoryStorage())
    await source.track({ name: 'project_created' })
    const digest = await source.digest('week')
    expect(digest.period).toBe('week')
    expect(digest.achieved.map((a) => a.milestoneId)).toContain('first-project')
  })

  it('does not touch storage until first used (safe to create during SSR)', () => {
    const storage = { getItem: vi.fn(() => null), setItem: vi.fn(), removeItem: vi.fn() }
    open(storage)
    expect(storage.getItem).not.toHaveBeenCalled()
  })
})
