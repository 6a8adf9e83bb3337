// Inline SVG icons (no icon font, nothing to load); all decorative — the text beside them carries meaning.

/** A check mark in a filled circle: an achieved milestone. */
export function CheckIcon() {
  return (
    <svg data-cairn-icon="check" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="8" fill="currentColor" />
      <path d="M4.5 8.2 7 10.6l4.6-5" fill="none" stroke="var(--cairn-on-accent, #fff)" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}

/** An empty circle: a milestone still to do. */
export function OpenIcon() {
  return (
    <svg data-cairn-icon="open" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  )
}

/** A padlock: a locked level or milestone. */
export function LockIcon() {
  return (
    <svg data-cairn-icon="lock" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="3.5" y="7" width="9" height="7" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  )
}

/** A chevron that the stylesheet rotates when its section is open. */
export function ChevronIcon() {
  return (
    <svg data-cairn-icon="chevron" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="m6 4 4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}

/** A cross: close buttons. */
export function CloseIcon() {
  return (
    <svg data-cairn-icon="close" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="m4 4 8 8M12 4l-8 8" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  )
}
