/**
 * A Map that forgets its least recently used entries beyond `capacity` entries or, with `weigh`, beyond `maxWeight`
 * in total (Map keeps insertion order). The newest entry is always kept, however heavy. Weights are taken at `set`:
 * set an entry again after it grew.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, { value: V; weight: number }>()
  private totalWeight = 0

  /**
   * @param maxWeight @default Infinity (entry count only)
   * @param onEvict told of each entry forgotten to make room (not of `delete` or of an entry set again) @default none
   */
  constructor(
    private readonly capacity: number,
    private readonly weigh: (value: V) => number = () => 0,
    private readonly maxWeight = Infinity,
    private readonly onEvict?: (key: K, value: V) => void,
  ) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key)
    if (entry !== undefined) {
      this.entries.delete(key)
      this.entries.set(key, entry)
    }
    return entry?.value
  }

  set(key: K, value: V): void {
    this.delete(key)
    const weight = this.weigh(value)
    this.entries.set(key, { value, weight })
    this.totalWeight += weight
    while (this.entries.size > 1 && (this.entries.size > this.capacity || this.totalWeight > this.maxWeight)) {
      const oldest = this.entries.keys().next()
      if (oldest.done) break
      const evicted = this.entries.get(oldest.value)
      this.delete(oldest.value)
      if (evicted !== undefined) this.onEvict?.(oldest.value, evicted.value)
    }
  }

  delete(key: K): void {
    const entry = this.entries.get(key)
    if (entry === undefined) return
    this.totalWeight -= entry.weight
    this.entries.delete(key)
  }

  get size(): number {
    return this.entries.size
  }

  /** The summed weight of the entries kept. */
  get weight(): number {
    return this.totalWeight
  }
}
