import { forwardRef } from 'react'
import { useLevels } from '../hooks/data-hooks'
import { Content, Item, Items, Level, Root, Trigger } from './level-checklist-parts'

export interface LevelChecklistProps {
  className?: string
}

/** Every level as a collapsible section of milestone rows. Compose your own from `.Root`, `.Level`, `.Trigger`, `.Content`, `.Items`, `.Item`. */
const LevelChecklistReady = forwardRef<HTMLDivElement, LevelChecklistProps>(function LevelChecklist({ className }, ref) {
  const levels = useLevels()
  return (
    <Root className={className} ref={ref}>
      {levels.map((level) => (
        <Level key={level.id} id={level.id} />
      ))}
    </Root>
  )
})
LevelChecklistReady.displayName = 'LevelChecklist'

/** The leveled checklist: a ready composition plus its compound parts. */
export const LevelChecklist = Object.assign(LevelChecklistReady, { Root, Level, Trigger, Content, Items, Item })
