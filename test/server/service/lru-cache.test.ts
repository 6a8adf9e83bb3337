import { describe, expect, it } from 'vitest'
import { LruCache } from '../../../src/server/service/lru-cache'

describe('LruCache', () => {
  it('forgets the least recently used entry beyond its capacity', () => {
    const cache = new LruCache<string, number>(2)
    cache.set('a', 1)
    cache.set('b', 2)
    cache.get('a')
    cache.set('c', 3)
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3])
  })

  it('forgets the least recently used entries beyond a total weight, keeps the newest however heavy, and re-weighs on set', () => {
    const cache = new LruCache<string, { events: number }>(100, (value) => value.events, 10)
    cache.set('a', { events: 4 })
    cache.set('b', { events: 4 })
    cache.set('c', { events: 4 })
    expect([cache.get('a'), cache.size, cache.weight]).toEqual([undefined, 2, 8])
    const grown = { events: 9 }
    cache.set('b', grown)
    expect([cache.get('c'), cache.get('b'), cache.weight]).toEqual([undefined, grown, 9])
    cache.set('huge', { events: 50 })
    expect([cache.size, cache.weight]).toEqual([1, 50])
    cache.delete('huge')
    expect([cache.size, cache.weight]).toEqual([0, 0])
  })

  it('tells of entries forgotten to make room, not of entries deleted or set again', () => {
    const forgotten: string[] = []
    const cache = new LruCache<string, number>(2, () => 0, Infinity, (key) => forgotten.push(key))
    cache.set('a', 1)
    cache.set('b', 2)
    cache.set('b', 3)
    cache.delete('b')
    cache.set('c', 4)
    cache.set('d', 5)
    expect(forgotten).toEqual(['a'])
  })
})
