import { describe, expect, it, vi } from 'vitest'
import { CairnError } from '../../src/client'
import { localSource, memoryStorage } from '../../src/client/local'
import { demoProgram } from '../../src/core'
import { createCairnStore, selectMilestone } from '../../src/store'
import { celebration, meProgress } from '../client/progress-fixture'
import { scriptedSource } from './fake-source'

const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString()

describe('createCairnStore loading', () => {
  it('is loading until the first snapshot and ready after it', async () => {
    const { source } = scriptedSource()
    const store = createCairnStore({ source })
    expect(store.getState().status).toBe('loading')
    await store.getState().load()
    expect(store.getState()).toMatchObject({ status: 'ready', error: null, program: demoProgram })
    expect(store.getState().progress?.programId).toBe('taskly-onboarding')
  })

  it("is in 'error' when the very first load fails, and tells onError", async () => {
    const scripted = scriptedSource()
    const failure = new CairnError('network', 'offline')
    scripted.fails(failure)
    const onError = vi.fn()
    const store = createCairnStore({ source: scripted.source, onError })
    await expect(store.getState().load()).resolves.toBeUndefined()
    expect(store.getState()).toMatchObject({ status: 'error', error: failure, progress: null })
    expect(onError).toHaveBeenCalledWith(failure)
  })

  it('keeps the last good state when a reload fails after a success', async () => {
    const scripted = scriptedSource()
    const store = createCairnStore({ source: scripted.source, onError: () => {} })
    await store.getState().load()
    const good = store.getState()
    scripted.fails(new CairnError('http', 'bad gateway', 502))
    await store.getState().load()
    const after = store.getState()
    expect(after.status).toBe('ready')
    expect(after.error).toMatchObject({ status: 502 })
    expect(after.progress).toBe(good.progress)
    expect(after.program).toBe(good.program)
  })

  it('clears the error once a reload succeeds again', async () => {
    const scripted = scriptedSource()
    const store = createCairnStore({ source: scripted.source, onError: () => {} })
    scripted.fails(new CairnError('network', 'offline'))
    await store.getState().load()
    scripted.loads(meProgress())
    await store.getState().load()
    expect(store.getState()).toMatchObject({ status: 'ready', error: null })
  })

  it('lets the newest of two overlapping loads win', async () => {
    const scripted = scriptedSource()
    const store = createCairnStore({ source: scripted.source })
    let releaseSlow!: () => void
    scripted.source.load.mockImplementationOnce(
      (signal?: AbortSignal) =>
        new Promise((resolve, reject) => {
          releaseSlow = () => resolve({ program: demoProgram, progress: meProgress({ unlockedFeatures: ['old'] }) })
          signal?.addEventListener('abort', () => reject(new CairnError('aborted', 'cancelled')))
        }),
    )
    const slow = store.getState().load()
    scripted.loads(meProgress({ unlockedFeatures: ['new'] }))
    await store.getState().load()
    releaseSlow()
    await slow
    expect(store.getState().progress?.unlockedFeatures).toEqual(['new'])
    expect(store.getState().error).toBeNull()
  })

  it('survives an onError handler that throws', async () => {
    const scripted = scriptedSource()
    scripted.fails(new Error('boom'))
    const store = createCairnStore({ source: scripted.source, onError: () => { throw new Error('host bug') } })
    await expect(store.getState().load()).resolves.toBeUndefined()
    expect(store.getState().status).toBe('error')
  })
})

describe('createCairnStore live updates', () => {
  it('applies pushed progress and stops listening when the connection is closed', async () => {
    const scripted = scriptedSource()
    const store = createCairnStore({ source: scripted.source })
    await store.getState().load()
    const disconnect = store.getState().connect()
    scripted.push(meProgress({ evaluatedAt: later(meProgress().evaluatedAt, 1000), unlockedFeatures: ['templates'] }))
    expect(store.getState().progress?.unlockedFeatures).toEqual(['templates'])
    disconnect()
    expect(scripted.listeners.size).toBe(0)
  })

  it('records connection trouble beside the data without dropping it', async () => {
    const scripted = scriptedSource()
    const onError = vi.fn()
    const store = createCairnStore({ source: scripted.source, onError })
    await store.getState().load()
    store.getState().connect()
    scripted.trouble(new CairnError('network', 'stream interrupted'))
    expect(store.getState()).toMatchObject({ status: 'ready', error: { code: 'network' } })
    expect(store.getState().progress).not.toBeNull()
    expect(onError).toHaveBeenCalledTimes(1)
  })

  it('ignores a snapshot older than the one it already has', async () => {
    const scripted = scriptedSource(meProgress({ evaluatedAt: '2026-05-01T12:00:10.000Z', unlockedFeatures: ['newer'] }))
    const store = createCairnStore({ source: scripted.source })
    await store.getState().load()
    store.getState().connect()
    scripted.push(meProgress({ evaluatedAt: '2026-05-01T12:00:00.000Z', unlockedFeatures: ['older'] }))
    expect(store.getState().progress?.unlockedFeatures).toEqual(['newer'])
  })

  it('reloads the program when progress arrives for a new program version', async () => {
    const scripted = scriptedSource()
    const store = createCairnStore({ source: scripted.source })
    await store.getState().load()
    store.getState().connect()
    scripted.push(meProgress({ programVersion: '2', evaluatedAt: later(meProgress().evaluatedAt, 1000) }))
    expect(scripted.source.load).toHaveBeenCalledTimes(2)
  })

  it('keeps unchanged milestones, levels and lists referentially equal across an update', async () => {
    const scripted = scriptedSource()
    const store = createCairnStore({ source: scripted.source })
    await store.getState().load()
    store.getState().connect()
    const before = store.getState().progress!
    const next = meProgress({ evaluatedAt: later(before.evaluatedAt, 1000) }) // fresh objects throughout
    next.milestones['five-tasks'] = { state: 'in_progress', current: 2, target: 5 }
    scripted.push(next)
    const after = store.getState().progress!
    expect(after).not.toBe(before)
    expect(after.milestones['five-tasks']).toEqual({ state: 'in_progress', current: 2, target: 5 })
    expect(after.milestones['first-project']).toBe(before.milestones['first-project'])
    expect(after.milestones['invite-teammate']).toBe(before.milestones['invite-teammate'])
    expect(after.levels).toBe(before.levels)
    expect(after.nextSteps).toBe(before.nextSteps)
    expect(selectMilestone('first-project')(store.getState())).toBe(before.milestones['first-project'])
  })
})

describe('createCairnStore celebrations', () => {
  // Best first is the queue's job (planCelebrations, tested in core): sorting here too put core's sort in every first load.
  it('lists pending celebrations in snapshot order, the same array while nothing changes', async () => {
    const scripted = scriptedSource(
      meProgress({
        celebrations: [
          celebration('milestone', 'five-tasks', { priority: 20 }),
          celebration('badge', 'organized'),
          celebration('milestone', 'first-project', { priority: 30 }),
          celebration('level', 'getting-started', { style: 'confetti' }),
        ],
      }),
    )
    const store = createCairnStore({ source: scripted.source })
    await store.getState().load()
    const pending = store.getState().pendingCelebrations()
    expect(pending.map((c) => c.id)).toEqual(['milestone:five-tasks', 'badge:organized', 'milestone:first-project', 'level:getting-started'])
    expect(store.getState().pendingCelebrations()).toBe(pending) // stable while nothing changes
  })

  it('hides an acknowledged celebration at once, before the source confirms', async () => {
    const scripted = scriptedSource(meProgress({ celebrations: [celebration('milestone', 'first-project')] }))
    let confirm!: () => void
    scripted.source.ackCelebration.mockImplementationOnce(() => new Promise<void>((resolve) => (confirm = resolve)))
    const store = createCairnStore({ source: scripted.source })
    await store.getState().load()
    const acking = store.getState().ackCelebration('milestone:first-project')
    expect(store.getState().pendingCelebrations()).toEqual([])
    expect(store.getState().seenCelebrations).toEqual({ 'milestone:first-project': true })
    confirm()
    await acking
    expect(scripted.source.ackCelebration).toHaveBeenCalledWith('milestone:first-project')
  })

  it('reports a failed acknowledgement to onError instead of throwing', async () => {
    const scripted = scriptedSource(meProgress({ celebrations: [celebration('milestone', 'first-project')] }))
    scripted.source.ackCelebration.mockRejectedValueOnce(new CairnError('network', 'offline'))
    const onError = vi.fn()
    const store = createCairnStore({ source: scripted.source, onError })
    await store.getState().load()
    await expect(store.getState().ackCelebration('milestone:first-project')).resolves.toBeUndefined()
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'network' }))
    expect(store.getState().pendingCelebrations()).toEqual([])
  })
})

describe('createCairnStore tracking', () => {
  it('reports a failed track to onError instead of throwing', async () => {
    const scripted = scriptedSource()
    scripted.source.track.mockRejectedValueOnce(new CairnError('http', 'forbidden', 403))
    const onError = vi.fn()
    const store = createCairnStore({ source: scripted.source, onError })
    await expect(store.getState().track({ name: 'task_added' })).resolves.toBeUndefined()
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ status: 403 }))
  })

  it('shows a tracked event at once with a local source', async () => {
    const store = createCairnStore({ source: localSource({ program: demoProgram, storage: memoryStorage() }) })
    await store.getState().load()
    store.getState().connect()
    const tracking = store.getState().track({ name: 'project_created' })
    expect(store.getState().progress?.milestones['first-project']?.state).toBe('achieved')
    await tracking
    expect(store.getState().pendingCelebrations().map((c) => c.id)).toContain('milestone:first-project')
  })
})
