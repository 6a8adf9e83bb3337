// Runs in both React projects: `dom` (React 19) and `dom-react18` (React 18.3, see test/react18/).
import { createRef, version } from 'react'
import { version as domVersion } from 'react-dom'
import { screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { BadgeShelf, DigestCard, LevelChecklist, MilestoneRow, NextStepPrompt, ProgressBar, ProgressLauncher, ProgressRing, ProgressWidget, ValueSummary } from '../../src/react'
import { createFakeSource, gettingStarted, renderWithProvider } from './fixtures'

const expectedMajor = process.env.CAIRN_REACT_MAJOR ?? '19'

describe(`on React ${expectedMajor}`, () => {
  it('runs on the React version its test project names', () => {
    expect(version.split('.')[0]).toBe(expectedMajor)
    expect(domVersion.split('.')[0]).toBe(expectedMajor)
  })

  it("hands each part's ref to its own root element, without a React warning", async () => {
    const warnings = vi.spyOn(console, 'error')
    const refs = {
      widget: createRef<HTMLElement>(),
      launcher: createRef<HTMLDivElement>(),
      checklist: createRef<HTMLDivElement>(),
      level: createRef<HTMLElement>(),
      trigger: createRef<HTMLButtonElement>(),
      content: createRef<HTMLDivElement>(),
      row: createRef<HTMLDivElement>(),
      bar: createRef<HTMLDivElement>(),
      ring: createRef<HTMLSpanElement>(),
      badges: createRef<HTMLElement>(),
      next: createRef<HTMLElement>(),
      value: createRef<HTMLParagraphElement>(),
      digest: createRef<HTMLElement>(),
    }
    const progress = gettingStarted()
    progress.value = { minutesSaved: 30 }
    renderWithProvider(
      <>
        <ProgressWidget ref={refs.widget} />
        <ProgressLauncher ref={refs.launcher} />
        <LevelChecklist.Root ref={refs.checklist}>
          <LevelChecklist.Level id="getting-started" ref={refs.level}>
            <LevelChecklist.Trigger ref={refs.trigger} />
            <LevelChecklist.Content ref={refs.content} />
          </LevelChecklist.Level>
        </LevelChecklist.Root>
        <MilestoneRow id="five-tasks" ref={refs.row} />
        <ProgressBar value={1} max={2} label="Half" ref={refs.bar} />
        <ProgressRing value={1} max={2} ref={refs.ring} />
        <BadgeShelf ref={refs.badges} />
        <NextStepPrompt ref={refs.next} />
        <ValueSummary ref={refs.value} />
        <DigestCard ref={refs.digest} />
      </>,
      createFakeSource(progress),
      { celebrations: false },
    )
    await screen.findAllByText('Level 1 · Getting started — 2 of 3')
    expect(refs.widget.current).toHaveAttribute('data-cairn-widget')
    expect(refs.launcher.current).toHaveAttribute('data-cairn-launcher')
    expect(refs.checklist.current).toHaveAttribute('data-cairn-level-list')
    expect(refs.level.current).toHaveAttribute('data-cairn-level', 'getting-started')
    expect(refs.trigger.current).toHaveAttribute('data-cairn-level-trigger')
    expect(refs.content.current).toHaveAttribute('data-cairn-level-content')
    expect(refs.row.current).toHaveAttribute('data-cairn-milestone', 'five-tasks')
    expect(refs.bar.current).toHaveAttribute('data-cairn-progress-bar')
    expect(refs.ring.current).toHaveAttribute('data-cairn-progress-ring')
    expect(refs.badges.current).toHaveAttribute('data-cairn-badge-shelf')
    expect(refs.next.current).toHaveAttribute('data-cairn-next-step', 'five-tasks')
    expect(refs.value.current).toHaveAttribute('data-cairn-value')
    expect(refs.digest.current).toHaveAttribute('data-cairn-digest', 'week')
    expect(warnings).not.toHaveBeenCalled()
    warnings.mockRestore()
  })
})
