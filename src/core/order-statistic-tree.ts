/** Bulk-built nodes' priorities count down from here by depth; `add` draws 32-bit values, almost all below them. */
const BULK_PRIORITY = 2 ** 33

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

  /**
   * A tree holding `values` (any order), built in O(n log n) for the sort plus O(n): much cheaper than n `add`s.
   * Built balanced, with priorities above any `add` will draw (highest at the root), so later adds settle below it.
   */
  static from(values: readonly number[]): OrderStatisticTree {
    const sorted = Float64Array.from(values).sort()
    const keys: number[] = []
    const counts: number[] = []
    for (const value of sorted) {
      if (keys.length > 0 && keys[keys.length - 1] === value) counts[counts.length - 1]!++
      else {
        keys.push(value)
        counts.push(1)
      }
    }
    const build = (from: number, to: number, depth: number): TreeNode | undefined => {
      if (from >= to) return undefined
      const mid = (from + to) >>> 1
      const node: TreeNode = { key: keys[mid]!, count: counts[mid]!, priority: BULK_PRIORITY - depth, size: 0, sum: 0, left: undefined, right: undefined }
      node.left = build(from, mid, depth + 1)
      node.right = build(mid + 1, to, depth + 1)
      return update(node)
    }
    const tree = new OrderStatisticTree()
    tree.root = build(0, keys.length, 0)
    return tree
  }

  /** Values held (copies counted). */
  get size(): number {
    return this.root?.size ?? 0
  }

  /** Adds one copy of `key` (a finite number). */
  add(key: number): void {
    this.root = insert(this.root, key, this)
  }

  /** Removes one copy of `key`; false when none is held. */
  remove(key: number): boolean {
    let node = this.root
    while (node && node.key !== key) node = key < node.key ? node.left : node.right
    if (!node) return false
    this.root = erase(this.root!, key)
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

  /** @internal the next node's priority */
  nextPriority(): number {
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

/** `node` with one more copy of `key`, rotated back into heap order on the way up (no allocation but the new node). */
function insert(node: TreeNode | undefined, key: number, tree: OrderStatisticTree): TreeNode {
  if (!node) return { key, count: 1, priority: tree.nextPriority(), size: 1, sum: key, left: undefined, right: undefined }
  node.size++
  node.sum += key
  if (key === node.key) node.count++
  else if (key < node.key) {
    const left = (node.left = insert(node.left, key, tree))
    if (left.priority > node.priority) {
      node.left = left.right
      left.right = node
      update(node)
      return update(left)
    }
  } else {
    const right = (node.right = insert(node.right, key, tree))
    if (right.priority > node.priority) {
      node.right = right.left
      right.left = node
      update(node)
      return update(right)
    }
  }
  return node
}

/** `node` with one copy of `key` (known to be held) taken out. */
function erase(node: TreeNode, key: number): TreeNode | undefined {
  node.size--
  node.sum -= key
  if (key < node.key) node.left = erase(node.left!, key)
  else if (key > node.key) node.right = erase(node.right!, key)
  else if (node.count > 1) node.count--
  else return merge(node.left, node.right)
  return node
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
