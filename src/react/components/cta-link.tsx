import type { ReactNode } from 'react'
import { isSafeHref, type Cta } from '../../core'
import { useCairnContext } from '../context'
import { usePartClass } from './part-attributes'

export interface CtaLinkProps {
  cta: Cta
  /** Milestone the CTA leads towards (reported with `cta_clicked`). */
  milestoneId: string
  /** Where the CTA sits, for analytics. */
  placement: 'milestone' | 'next_step' | 'celebration'
  /**
   * Text to show instead of the program's `cta.label`, e.g. a state-fitting "Start" / "Continue" / "Catch up".
   * @default the program's label, isolated for mixed-direction text
   */
  children?: ReactNode
}

/**
 * A call to action. Only http(s) and relative URLs become links (through `renderLink` when the host has a
 * router); anything else — `javascript:`, `data:`, `//host` — is shown as plain text, never as a link.
 */
export function CtaLink({ cta, milestoneId, placement, children }: CtaLinkProps) {
  const { renderLink, emit } = useCairnContext()
  const className = usePartClass('cta')
  const text = children ?? <bdi>{cta.label}</bdi>
  if (!isSafeHref(cta.href)) {
    return (
      <span data-cairn-cta="" data-unsafe="" className={className}>
        <bdi>{cta.label}</bdi>
      </span>
    )
  }
  const onClick = () =>
    emit('cta_clicked', { milestone_id: milestoneId, href: cta.href, placement, timestamp: new Date().toISOString() })
  if (renderLink) return renderLink({ href: cta.href, children: text, className, onClick, 'data-cairn-cta': milestoneId })
  return (
    <a href={cta.href} data-cairn-cta={milestoneId} className={className} onClick={onClick}>
      {text}
    </a>
  )
}
CtaLink.displayName = 'Cairn.CtaLink'
