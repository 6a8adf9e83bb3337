// Inline SVG icons (no icon font, nothing to load); all decorative — the text beside them carries meaning.
import type { ReactNode } from 'react'

/** Icon size in px; the drawings use a 16 × 16 grid. */
const ICON_SIZE = 16

/** The frame every icon shares: a 16 × 16 outline drawing in the current text colour. */
export function Icon({ name, size = ICON_SIZE, children }: { name: string; size?: number; children: ReactNode }) {
  return (
    <svg
      data-cairn-icon={name}
      viewBox="0 0 16 16"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  )
}

/** A check mark in a filled circle: an achieved milestone. */
export function CheckIcon() {
  return (
    <Icon name="check">
      <circle cx="8" cy="8" r="8" fill="currentColor" stroke="none" />
      <path d="M4.5 8.2 7 10.6l4.6-5" stroke="var(--cairn-on-accent, #fff)" strokeWidth="1.8" />
    </Icon>
  )
}

/** An empty circle: a milestone still to do. */
export function OpenIcon() {
  return (
    <Icon name="open">
      <circle cx="8" cy="8" r="7" />
    </Icon>
  )
}

/** A padlock: a locked level or milestone. */
export function LockIcon() {
  return (
    <Icon name="lock">
      <rect x="3.5" y="7" width="9" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </Icon>
  )
}

/** A chevron that the stylesheet rotates when its section is open. */
export function ChevronIcon() {
  return (
    <Icon name="chevron">
      <path d="m6 4 4 4-4 4" />
    </Icon>
  )
}

/** A cross: close buttons (the celebration toasts draw the same cross in `Icon` themselves). @default size 16 */
export function CloseIcon({ size }: { size?: number }) {
  return (
    <Icon name="close" size={size}>
      <path d="m4 4 8 8M12 4l-8 8" />
    </Icon>
  )
}
