/** One problem in validated input, located by a readable path such as `milestones[3].criterion.within.days`. */
export interface ValidationError {
  path: string
  message: string
}

interface Issue {
  path: PropertyKey[]
  message: string
  code?: string
  expected?: string
  values?: unknown[]
  keys?: string[]
  input?: unknown
  /** zod sets this for numbers it refuses as such: `"NaN"`, `"Infinity"`. */
  received?: string
  errors?: Issue[][]
  /** Issues of a record key (`invalid_key`). */
  issues?: Issue[]
}

/** `['milestones', 3, 'criterion']` → `milestones[3].criterion` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out
}

/** Turns zod issues into path + message pairs a person can act on. */
export function formatIssues(issues: readonly Issue[]): ValidationError[] {
  return issues.flatMap((issue) => {
    const inner = closestBranch(issue)
    if (inner) return formatIssues(inner.map((child) => ({ ...child, path: [...issue.path, ...child.path] })))
    if (issue.code === 'invalid_key') {
      // A bad record key (say, a locale map's "de_DE"): the key's own message, located at the key.
      return (issue.issues ?? []).map((child) => ({ path: formatPath(issue.path), message: describe(child) }))
    }
    return [{ path: formatPath(issue.path), message: describe(issue) }]
  })
}

/**
 * When a value fails a union (text or a locale map) and only one branch even matched its type, that
 * branch's issues say exactly what is wrong ("title.de: must be a non-empty string").
 */
function closestBranch(issue: Issue): Issue[] | undefined {
  if (issue.code !== 'invalid_union' || !issue.errors) return undefined
  const typed = issue.errors.filter((branch) => !branch.every((child) => child.code === 'invalid_type' && child.path.length === 0))
  return typed.length === 1 ? typed[0] : undefined
}

// zod/mini ships no English messages (to stay small), so the generic codes are worded here.
function describe(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_union':
      if (issue.message !== 'Invalid input') return issue.message
      return issue.path.at(-1) === 'kind' || (issue.errors?.length ?? 0) === 0 ? 'is not a known kind' : 'does not match any allowed shape'
    case 'unrecognized_keys':
      return `has unknown key${(issue.keys?.length ?? 0) > 1 ? 's' : ''} ${(issue.keys ?? []).map((k) => `"${k}"`).join(', ')}`
    case 'invalid_type':
      // zod refuses NaN and ±Infinity as "not a number"; saying "finite" tells the author what to fix.
      if (issue.expected === 'number' && issue.received !== undefined && /^(-?Infinity|NaN)$/.test(issue.received)) return 'must be a finite number'
      return issue.message !== 'Invalid input' ? issue.message : `must be ${article(issue.expected ?? 'value')}`
    case 'invalid_value':
      return issue.message !== 'Invalid input' ? issue.message : `must be one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`
    default:
      return issue.message
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`
}
