import type { CSSProperties, ReactNode } from 'react'

// Inline, not in styles.css: hidden text must stay hidden for teams that render `unstyled` or skip the stylesheet.
const HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
}

/** Text for screen readers only. */
export function VisuallyHidden({ children, ...rest }: { children?: ReactNode; [data: `data-${string}`]: string | undefined; 'aria-live'?: 'polite' }) {
  return (
    <span style={HIDDEN} {...rest}>
      {children}
    </span>
  )
}
