// The "Reduced motion" toolbar switch. Browsers cannot flip the real media query from script, so
// window.matchMedia answers the reduced-motion queries from this flag and fires `change` when it flips,
// exactly like a user toggling the OS setting while the page is open (the widget reads it live).

const REDUCED_MOTION_QUERIES = new Set(['(prefers-reduced-motion)', '(prefers-reduced-motion: reduce)'])

let reduced = false
// One list per query: the widget calls matchMedia on every render, and a new object each time would pile up.
const lists = new Map<string, EmulatedMediaQueryList>()

class EmulatedMediaQueryList extends EventTarget implements MediaQueryList {
  onchange: ((this: MediaQueryList, event: MediaQueryListEvent) => unknown) | null = null
  constructor(readonly media: string) {
    super()
  }
  get matches(): boolean {
    return reduced
  }
  /** @deprecated kept because older libraries still call it */
  addListener(listener: ((this: MediaQueryList, event: MediaQueryListEvent) => unknown) | null): void {
    if (listener) this.addEventListener('change', listener as EventListener)
  }
  /** @deprecated kept because older libraries still call it */
  removeListener(listener: ((this: MediaQueryList, event: MediaQueryListEvent) => unknown) | null): void {
    if (listener) this.removeEventListener('change', listener as EventListener)
  }
  notify(): void {
    const event = new Event('change') as MediaQueryListEvent
    Object.defineProperties(event, { matches: { value: reduced }, media: { value: this.media } })
    this.onchange?.call(this, event)
    this.dispatchEvent(event)
  }
}

let installed = false

/** Routes the reduced-motion queries of `window.matchMedia` to the toolbar flag (once). */
function install(): void {
  if (installed || typeof window === 'undefined') return
  installed = true
  const original = window.matchMedia.bind(window)
  window.matchMedia = (query: string): MediaQueryList => {
    const normalized = query.replace(/\s+/g, ' ').trim().toLowerCase()
    if (!REDUCED_MOTION_QUERIES.has(normalized)) return original(query)
    let list = lists.get(normalized)
    if (!list) {
      list = new EmulatedMediaQueryList(query)
      lists.set(normalized, list)
    }
    return list
  }
}

/** Sets the emulated preference; listeners hear about it only when it actually changes. */
export function setReducedMotion(next: boolean): void {
  install()
  if (next === reduced) return
  reduced = next
  for (const list of lists.values()) list.notify()
}
