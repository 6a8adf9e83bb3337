import { Profiler, type ProfilerOnRenderCallback } from 'react'
import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { LevelChecklist, MilestoneRow } from '../../src/react'
import { createFakeSource, gettingStarted, renderWithProvider } from './fixtures'

const IDS = ['first-project', 'five-tasks', 'invite-teammate'] as const

function setup() {
  const commits: Record<string, number> = {}
  const onRender: ProfilerOnRenderCallback = (id) => {
    commits[id] = (commits[id] ?? 0) + 1
  }
  // The compound parts receive these row elements as children, so a level re-rendering (its count changed)
  // passes the very same elements down and React skips them: only a row's own subscription can re-render it.
  const fake = createFakeSource(gettingStarted())
  renderWithProvider(
    <LevelChecklist.Root>
      <LevelChecklist.Level id="getting-started">
        <LevelChecklist.Trigger />
        <LevelChecklist.Content>
          <ul>
            {IDS.map((id) => (
              <li key={id}>
                <Profiler id={id} onRender={onRender}>
                  <MilestoneRow id={id} />
                </Profiler>
              </li>
            ))}
          </ul>
        </LevelChecklist.Content>
      </LevelChecklist.Level>
    </LevelChecklist.Root>,
    fake,
    { strict: false },
  )
  return { fake, commits }
}

describe('render isolation', () => {
  it('re-renders only the row whose milestone changed', async () => {
    const { fake, commits } = setup()
    await screen.findByText('3 / 5')
    const before = { ...commits }

    fake.push(gettingStarted({ 'five-tasks': { state: 'in_progress', current: 4 } }))
    await screen.findByText('4 / 5')

    expect(commits['five-tasks']).toBe((before['five-tasks'] ?? 0) + 1)
    expect(commits['first-project']).toBe(before['first-project'])
    expect(commits['invite-teammate']).toBe(before['invite-teammate'])
  })

  it('re-renders only the achieved row when its level count changes too', async () => {
    const { fake, commits } = setup()
    await screen.findByText('3 / 5')
    const before = { ...commits }

    fake.push(gettingStarted({ 'five-tasks': { state: 'achieved', current: 5, achievedAt: '2026-11-20T11:00:00.000Z' } }))
    await waitFor(() => expect(screen.getByRole('button', { name: /Getting started/ })).toHaveTextContent('3 of 3'))

    expect(commits['five-tasks']).toBe((before['five-tasks'] ?? 0) + 1)
    expect(commits['first-project']).toBe(before['first-project'])
    expect(commits['invite-teammate']).toBe(before['invite-teammate'])
  })

  it('leaves every row alone when a snapshot repeats unchanged', async () => {
    const { fake, commits } = setup()
    await screen.findByText('3 / 5')
    const before = { ...commits }
    fake.push({ ...gettingStarted(), evaluatedAt: '2026-11-20T12:05:00.000Z' })
    expect(commits).toEqual(before)
  })
})
