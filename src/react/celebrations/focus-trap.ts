// Keyboard focus containment for the celebration dialog, as small pure helpers over the DOM.

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',')

/** Elements inside `container` that Tab can reach, in document order. */
export function focusableWithin(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.hidden && !el.closest('[inert]'))
}

/**
 * Keeps Tab and Shift+Tab cycling inside `container`. Returns true when it moved focus itself
 * (the caller then prevents the browser default).
 */
export function trapTab(container: HTMLElement, shiftKey: boolean, active: Element | null): boolean {
  const focusable = focusableWithin(container)
  const first = focusable[0]
  const last = focusable[focusable.length - 1]
  if (!first || !last) {
    container.focus()
    return true
  }
  const outside = !active || !container.contains(active) || active === container
  if (shiftKey && (outside || active === first)) {
    last.focus()
    return true
  }
  if (!shiftKey && (outside || active === last)) {
    first.focus()
    return true
  }
  return false
}

/** Puts focus back where it was before the dialog opened, if that element is still on the page. */
export function restoreFocus(previous: Element | null): void {
  if (previous instanceof HTMLElement && previous.isConnected) previous.focus()
}
