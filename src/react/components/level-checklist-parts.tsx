import { createContext, forwardRef, useCallback, useContext, useId, useState, type ReactNode } from 'react'
import type { CairnState } from '../../store'
import { selectLevelView, selectMilestone, type LevelView } from '../../store'
import { useCairnContext } from '../context'
import { sameItems } from '../hooks/equality'
import { useLevel } from '../hooks/data-hooks'
import { useCairnSelector } from '../hooks/use-cairn-selector'
import { useHoldout } from '../hooks/use-holdout'
import { ChevronIcon, LockIcon } from './icons'
import { MilestoneRow } from './milestone-row'
import { usePartClass, usePartRoot } from './part-attributes'
import { VisuallyHidden } from './visually-hidden'

interface LevelContextValue {
  level: LevelView
  open: boolean
  setOpen(open: boolean): void
  triggerId: string
  contentId: string
}

const LevelContext = createContext<LevelContextValue | null>(null)

function useLevelContext(part: string): LevelContextValue {
  const context = useContext(LevelContext)
  if (!context) throw new Error(`Cairn: <LevelChecklist.${part}> must be rendered inside <LevelChecklist.Level>.`)
  return context
}

export interface LevelChecklistRootProps {
  children?: ReactNode
  className?: string
}

/** The container of the level sections. Renders nothing for the experiment's holdout, like every part. */
export const Root = forwardRef<HTMLDivElement, LevelChecklistRootProps>(function Root({ children, className }, ref) {
  const root = usePartRoot('checklist', className)
  if (useHoldout()) return null
  return (
    <div ref={ref} data-cairn-level-list="" {...root}>
      {children}
    </div>
  )
})
Root.displayName = 'LevelChecklist.Root'

export interface LevelChecklistLevelProps {
  /** Level id from the program. */
  id: string
  /** Controlled open state. */
  open?: boolean
  /** Initial open state when uncontrolled. @default true for the active level, false otherwise */
  defaultOpen?: boolean
  onOpenChange?: (open: boolean) => void
  children?: ReactNode
  className?: string
}

/** One collapsible level section (`data-cairn-level`, `data-state`). Renders nothing until loaded, or for the holdout. */
export const Level = forwardRef<HTMLElement, LevelChecklistLevelProps>(function Level({ id, open: controlledOpen, defaultOpen, onOpenChange, children, className }, ref) {
  const level = useLevel(id)
  const partClass = usePartClass('level', className)
  const baseId = useId()
  // null until the user toggles: the section then follows the level, opening when it becomes active.
  const [toggled, setToggled] = useState<boolean | null>(null)
  if (useHoldout() || !level) return null
  // The context value is rebuilt on every render anyway, so a memoized setter would buy nothing.
  const setOpen = (next: boolean) => {
    setToggled(next)
    onOpenChange?.(next)
  }
  const open = controlledOpen ?? toggled ?? defaultOpen ?? level.state === 'active'
  const value: LevelContextValue = { level, open, setOpen, triggerId: `${baseId}-trigger`, contentId: `${baseId}-content` }
  return (
    <LevelContext.Provider value={value}>
      <section ref={ref} data-cairn-level={id} data-state={level.state} data-open={open ? '' : undefined} aria-labelledby={value.triggerId} className={partClass}>
        {children ?? (
          <>
            <Trigger />
            <Content />
          </>
        )}
      </section>
    </LevelContext.Provider>
  )
})
Level.displayName = 'LevelChecklist.Level'

function previousLevelTitle(state: CairnState, position: number): string | undefined {
  return state.program?.levels[position - 2]?.title
}

export interface LevelChecklistTriggerProps {
  /** Replaces the default label ("Level 1 · Getting started" and "2 of 3"). */
  children?: ReactNode
  className?: string
}

/** The heading button that opens and closes the section; locked levels add "Complete … to unlock". */
export const Trigger = forwardRef<HTMLButtonElement, LevelChecklistTriggerProps>(function Trigger({ children, className }, ref) {
  const { messages, format } = useCairnContext()
  const { level, open, setOpen, triggerId, contentId } = useLevelContext('Trigger')
  const partClass = usePartClass('levelTrigger', className)
  const previous = useCairnSelector(useCallback((state: CairnState) => previousLevelTitle(state, level.position), [level.position]))
  return (
    <>
      <h3 data-cairn-level-heading="">
        <button
          ref={ref}
          type="button"
          id={triggerId}
          aria-expanded={open}
          aria-controls={contentId}
          data-cairn-level-trigger=""
          className={partClass}
          onClick={() => setOpen(!open)}
        >
          <ChevronIcon />
          {children ?? (
            <>
              <span data-cairn-level-title="">{messages.levelHeading(level.position, level.title, format)}</span>
              {level.state === 'locked' ? (
                <span data-cairn-level-count="">
                  <LockIcon />
                  <VisuallyHidden>{messages.levelState.locked}</VisuallyHidden>
                </span>
              ) : (
                <span data-cairn-level-count="">{messages.progressOf(level.completed, level.total, format)}</span>
              )}
            </>
          )}
        </button>
      </h3>
      {level.state === 'locked' && previous && <p data-cairn-level-hint="">{messages.levelLockedHint(previous)}</p>}
    </>
  )
})
Trigger.displayName = 'LevelChecklist.Trigger'

export interface LevelChecklistContentProps {
  /** Replaces the default list of milestone rows. */
  children?: ReactNode
  className?: string
}

/** The collapsible body of a level; hidden (not unmounted) while closed so rows keep their state. */
export const Content = forwardRef<HTMLDivElement, LevelChecklistContentProps>(function Content({ children, className }, ref) {
  const { open, contentId } = useLevelContext('Content')
  const partClass = usePartClass('levelContent', className)
  // No role="region" here: the level's <section> is already the region named by the trigger (landmark-unique).
  return (
    <div ref={ref} id={contentId} hidden={!open} data-cairn-level-content="" className={partClass}>
      {children ?? <Items />}
    </div>
  )
})
Content.displayName = 'LevelChecklist.Content'

function visibleMilestoneIds(state: CairnState, levelId: string): string[] {
  const level = selectLevelView(levelId)(state)
  return (level?.milestones ?? []).map((m) => m.id).filter((id) => selectMilestone(id)(state)?.state !== 'ineligible')
}

/** The level's milestone rows (ineligible ones left out). */
export function Items() {
  const { level } = useLevelContext('Items')
  const ids = useCairnSelector(useCallback((state: CairnState) => visibleMilestoneIds(state, level.id), [level.id]), sameItems)
  return (
    <ul>
      {ids.map((id) => (
        <Item key={id} id={id} />
      ))}
    </ul>
  )
}
Items.displayName = 'LevelChecklist.Items'

export interface LevelChecklistItemProps {
  /** Milestone id. */
  id: string
  className?: string
}

/** One list item holding a milestone row. */
export function Item({ id, className }: LevelChecklistItemProps) {
  return (
    <li data-cairn-item="">
      <MilestoneRow id={id} className={className} />
    </li>
  )
}
Item.displayName = 'LevelChecklist.Item'
