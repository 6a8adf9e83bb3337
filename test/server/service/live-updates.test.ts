import { describe, expect, it, vi } from 'vitest'
import type { MeProgress } from '../../../src/core'
import { createLiveUpdates } from '../../../src/server/service/live-updates'

const progressOf = (userId: string, round: number) => ({ programId: userId, evaluatedAt: String(round) }) as unknown as MeProgress

describe('live updates', () => {
  function setup() {
    const reads: string[][] = []
    let gate: Promise<void> = Promise.resolve()
    const live = createLiveUpdates({
      read: async (userIds) => {
        reads.push([...userIds])
        await gate
        return new Map(userIds.map((userId) => [userId, progressOf(userId, reads.length)]))
      },
      inLocale: (progress, locale) => (locale === undefined ? progress : { ...progress, locale } as unknown as MeProgress),
    })
    return { live, reads, hold: (until: Promise<void>) => (gate = until) }
  }

  it('reads a burst of changes in one round and gives every listener of a user in one locale the same object', async () => {
    const { live, reads } = setup()
    const heard: { who: string; progress: MeProgress }[] = []
    live.subscribe('u1', (progress) => heard.push({ who: 'u1-tab1', progress }), undefined)
    live.subscribe('u1', (progress) => heard.push({ who: 'u1-tab2', progress }), undefined)
    live.subscribe('u1', (progress) => heard.push({ who: 'u1-de', progress }), 'de')
    live.subscribe('u2', (progress) => heard.push({ who: 'u2', progress }), undefined)
    live.changed(['u1'])
    live.changed(['u2', 'nobody-listening'])
    await vi.waitFor(() => expect(heard).toHaveLength(4))
    await live.idle()
    expect(reads).toEqual([['u1', 'u2']])
    const byWho = Object.fromEntries(heard.map(({ who, progress }) => [who, progress]))
    expect(byWho['u1-tab1']).toBe(byWho['u1-tab2'])
    expect(byWho['u1-de']).not.toBe(byWho['u1-tab1'])
  })

  it('reads a change that arrives during a round again in the next one, so the last thing heard is the newest', async () => {
    const { live, reads, hold } = setup()
    const heard: string[] = []
    live.subscribe('u1', (progress) => heard.push(progress.evaluatedAt), undefined)
    let release!: () => void
    hold(new Promise<void>((resolve) => (release = resolve)))
    live.changed(['u1'])
    await vi.waitFor(() => expect(reads).toHaveLength(1))
    live.changed(['u1'])
    release()
    await vi.waitFor(() => expect(heard).toEqual(['1', '2']))
    await live.idle()
    expect(reads).toEqual([['u1'], ['u1']])
  })

  it('does not hold a user whose progress is stored behind users whose read waits for queued writes', async () => {
    const busy = new Set(['loaded'])
    const reads: string[][] = []
    let release!: () => void
    const writesDone = new Promise<void>((resolve) => (release = resolve))
    const live = createLiveUpdates({
      read: async (userIds) => {
        reads.push([...userIds])
        if (userIds.some((userId) => busy.has(userId))) await writesDone
        return new Map(userIds.map((userId) => [userId, progressOf(userId, reads.length)]))
      },
      inLocale: (progress) => progress,
      busy: (userId) => busy.has(userId),
    })
    const heard: string[] = []
    live.subscribe('loaded', () => heard.push('loaded'), undefined)
    live.subscribe('quiet', () => heard.push('quiet'), undefined)
    live.changed(['loaded'])
    await vi.waitFor(() => expect(reads).toEqual([['loaded']]))
    live.changed(['quiet'])
    live.changed(['loaded'])
    await vi.waitFor(() => expect(heard).toEqual(['quiet']))
    busy.delete('loaded')
    release()
    // Its change during its own round is read after that round: never two rounds for one user at once.
    await vi.waitFor(() => expect(heard).toEqual(['quiet', 'loaded', 'loaded']))
    await live.idle()
    expect(reads).toEqual([['loaded'], ['quiet'], ['loaded']])
  })
})
