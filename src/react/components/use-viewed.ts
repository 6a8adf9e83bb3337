import { useCallback } from 'react'

/**
 * A callback ref that calls `onViewed` once the element is first on screen (IntersectionObserver), or at
 * once where there is no observer (old browsers, jsdom) — a widget that cannot tell is assumed seen.
 */
export function useViewedRef(onViewed: () => void) {
  return useCallback(
    (node: HTMLElement | null) => {
      if (!node) return
      if (typeof IntersectionObserver === 'undefined') {
        onViewed()
        return
      }
      const observer = new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect()
          onViewed()
        }
      })
      observer.observe(node)
      return () => observer.disconnect()
    },
    [onViewed],
  )
}
