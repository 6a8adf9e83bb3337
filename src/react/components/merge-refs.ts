import type { Ref, RefCallback } from 'react'

/**
 * One callback ref feeding several refs (object or callback). It returns no cleanup (React 18 warns about
 * one), so both React 18 and 19 detach by calling it with `null`; the refs' own cleanups run then.
 */
export function mergeRefs<T>(...refs: (Ref<T> | undefined)[]): RefCallback<T> {
  let detach: (() => void) | undefined
  return (node) => {
    detach?.()
    detach = undefined
    if (node === null) return
    const cleanups = refs.map((ref) => {
      if (typeof ref === 'function') return ref(node)
      if (ref) ref.current = node
      return undefined
    })
    detach = () => {
      refs.forEach((ref, index) => {
        const cleanup = cleanups[index]
        if (typeof cleanup === 'function') cleanup()
        else if (typeof ref === 'function') ref(null)
        else if (ref) ref.current = null
      })
    }
  }
}
