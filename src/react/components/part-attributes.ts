import { useContext } from 'react'
import { CairnContext, type CairnPart } from '../context'

/** Joins class names, dropping empty ones. */
export function joinClasses(...names: (string | false | null | undefined)[]): string | undefined {
  const joined = names.filter(Boolean).join(' ')
  return joined === '' ? undefined : joined
}

/**
 * Attributes for the outermost element of a part: the `data-cairn-styled` hook the stylesheet keys on
 * (dropped by `unstyled`), the theme, and the host's class for this part. Works outside a provider too,
 * so presentational parts (bars, rings) can be used on their own.
 */
export function usePartRoot(part: CairnPart, className?: string) {
  const context = useContext(CairnContext)
  return {
    'data-cairn-styled': context?.unstyled ? undefined : '',
    'data-cairn-theme': context?.theme ?? 'system',
    className: joinClasses(context?.classNames[part], className),
  }
}

/** The host's class for an inner part plus any local class. */
export function usePartClass(part: CairnPart, className?: string): string | undefined {
  const context = useContext(CairnContext)
  return joinClasses(context?.classNames[part], className)
}
