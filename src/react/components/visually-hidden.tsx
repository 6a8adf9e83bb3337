import { useContext, type CSSProperties, type ReactNode } from 'react'
import { CairnContext } from '../context'

// Only for `unstyled` widgets, whose hosts may not load styles.css: everyone else gets these rules from the
// stylesheet, so server-rendered markup carries no `style` attribute for a strict CSP to block.
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

/** Text for screen readers only (`data-cairn-visually-hidden`, hidden by `cairn/styles.css`). */
export function VisuallyHidden({ children, ...rest }: { children?: ReactNode; [data: `data-${string}`]: string | undefined; 'aria-live'?: 'polite' }) {
  const unstyled = useContext(CairnContext)?.unstyled ?? false
  return (
    <span data-cairn-visually-hidden="" style={unstyled ? HIDDEN : undefined} {...rest}>
      {children}
    </span>
  )
}
