import type { CairnState } from '../../store'
import { selectMilestone } from '../../store'
import { useCairnContext } from '../context'
import { sameItems } from '../hooks/equality'
import { useCairnSelector } from '../hooks/use-cairn-selector'
import { MilestoneRow } from './milestone-row'

function idsOutsideLevels(state: CairnState): string[] {
  const program = state.program
  if (!program) return []
  const inLevels = new Set(program.levels.flatMap((level) => level.milestones))
  return program.milestones
    .map((milestone) => milestone.id)
    .filter((id) => !inLevels.has(id) && (selectMilestone(id)(state)?.state ?? 'ineligible') !== 'ineligible')
}

/** Milestones that belong to no level (habits, value, deadlines), under their own heading. */
export function ExtraMilestones() {
  const { messages } = useCairnContext()
  const ids = useCairnSelector(idsOutsideLevels, sameItems)
  if (ids.length === 0) return null
  return (
    <section data-cairn-extras="" aria-label={messages.extrasHeading}>
      <h3 data-cairn-card-title="">{messages.extrasHeading}</h3>
      <ul>
        {ids.map((id) => (
          <li key={id} data-cairn-item="">
            <MilestoneRow id={id} />
          </li>
        ))}
      </ul>
    </section>
  )
}
ExtraMilestones.displayName = 'Cairn.ExtraMilestones'
