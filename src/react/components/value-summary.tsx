import { forwardRef } from 'react'
import { useCairnContext } from '../context'
import { useValue } from '../hooks/data-hooks'
import { useHoldout } from '../hooks/use-holdout'
import { usePartRoot } from './part-attributes'

export interface ValueSummaryProps {
  className?: string
}

/** "You've saved 8 hours — worth $480". Renders nothing until something has been saved, and for the experiment's holdout. */
export const ValueSummary = forwardRef<HTMLParagraphElement, ValueSummaryProps>(function ValueSummary({ className }, ref) {
  const { messages, format } = useCairnContext()
  const root = usePartRoot('value', className)
  const value = useValue()
  if (useHoldout() || !value || value.minutesSaved <= 0) return null
  const worth = value.moneySaved && value.currency ? messages.valueWorth(format.money(value.moneySaved, value.currency)) : ''
  return (
    <p ref={ref} data-cairn-value="" {...root}>
      {messages.valueSaved(value.minutesSaved, format)}
      {worth}
    </p>
  )
})
ValueSummary.displayName = 'Cairn.ValueSummary'
