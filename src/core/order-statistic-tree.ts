interface TreeNode {
  key: number
  /** Copies of `key` held. */
  count: number
  priority: number
  /** Values held in this subtree (copies counted). */
  size: number
  /** Sum of the values held in this subtree. */
  sum: number
  left: TreeNode | undefined
  right: TreeNode | undefined
}

/**
 * A multiset of numbers kept in order (a treap with subtree counts and sums): add, remove, the k-th smallest, and
 * how many values (and their sum) are at most x, each in O(log n) expected. What incrementally kept insights use
 * for exact medians and for "members that signed up before t" without a scan. Sums are exact while they are
 * integers below 2^53 (callers keep keys small by storing offsets).
 */
export class OrderStatisticTree {
  private root: TreeNode | undefined
  /** Priorities only shape the tree, never an answer: a fixed sequence keeps runs reproducible. */
  private seed = 0x2545f491

  /** Values held (copies counted). */
  get size(): number {
    return this.root?.size ?? 0
  }

  /** Adds one copy of `key` (a finite number). */
  add(key: number): void {
    const path: TreeNode[] = []
    for (let node = this.root; node; node = key < node.key ? node.left : node.right) {
      path.push(node)
      if (node.key === key) {
        node.count++
        for (const above of path) {
          above.size++
          above.sum += key
        }
        return
      }
    }
    const [below, above] = split(this.root, key)
    this.root = merge(merge(below, { key, count: 1, priority: this.nextPriority(), size: 1, sum: key, left: undefined, right: undefined }), above)
  }

  /** Removes one copy of `key`; false when none is held. */
  remove(key: number): boolean {
    const path: TreeNode[] = []
    let node = this.root
    while (node && node.key !== key) {
      path.push(node)
      node = key < node.key ? node.left : node.right
    }
    if (!node) return false
    for (const above of path) {
      above.size--
      above.sum -= key
    }
    if (node.count > 1) {
      node.count--
      node.size--
      node.sum -= key
      return true
    }
    const replacement = merge(node.left, node.right)
    const parent = path[path.length - 1]
    if (!parent) this.root = replacement
    else if (parent.left === node) parent.left = replacement
    else parent.right = replacement
    return true
  }

  /** The `index`-th smallest value (0-based, copies counted); undefined outside [0, size). */
  at(index: number): number | undefined {
    let node = this.root
    let rest = index
    while (node) {
      const left = node.left?.size ?? 0
      if (rest < left) node = node.left
      else if (rest < left + node.count) return node.key
      else {
        rest -= left + node.count
        node = node.right
      }
    }
    return undefined
  }

  /** How many values are ≤ `bound`, and their sum. */
  atMost(bound: number): { count: number; sum: number } {
    let count = 0
    let sum = 0
    let node = this.root
    while (node) {
      if (node.key <= bound) {
        count += (node.left?.size ?? 0) + node.count
        sum += (node.left?.sum ?? 0) + node.key * node.count
        node = node.right
      } else node = node.left
    }
    return { count, sum }
  }

  /** The median as `median()` in core computes it (mean of the middle two for an even count); undefined when empty. */
  median(): number | undefined {
    const n = this.size
    if (n === 0) return undefined
    const mid = n >> 1
    return n % 2 === 1 ? this.at(mid) : (this.at(mid - 1)! + this.at(mid)!) / 2
  }

  private nextPriority(): number {
    // xorshift32
    let x = this.seed
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    this.seed = x >>> 0
    return this.seed
  }
}

function update(node: TreeNode): TreeNode {
  node.size = (node.left?.size ?? 0) + node.count + (node.right?.size ?? 0)
  node.sum = (node.left?.sum ?? 0) + node.key * node.count + (node.right?.sum ?? 0)
  return node
}

/** Splits into keys < `key` and keys ≥ `key`. */
function split(node: TreeNode | undefined, key: number): [TreeNode | undefined, TreeNode | undefined] {
  if (!node) return [undefined, undefined]
  if (node.key < key) {
    const [low, high] = split(node.right, key)
    node.right = low
    return [update(node), high]
  }
  const [low, high] = split(node.left, key)
  node.left = high
  return [low, update(node)]
}

/** Joins two treaps whose keys are all ordered `a` before `b`. */
function merge(a: TreeNode | undefined, b: TreeNode | undefined): TreeNode | undefined {
  if (!a) return b
  if (!b) return a
  if (a.priority > b.priority) {
    a.right = merge(a.right, b)
    return update(a)
  }
  b.left = merge(a, b.left)
  return update(b)
}
