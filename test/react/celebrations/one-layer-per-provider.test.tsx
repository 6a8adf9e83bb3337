import { act, render, screen, waitFor } from '@testing-library/react'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { CELEBRATION_CHUNK } from '../../../src/react/celebrations/celebration-host'
import { CairnProvider, CelebrationLayer, ProgressLauncher, ProgressWidget } from '../../../src/react'
import { createFakeSource, type FakeSource, levelCelebration, milestoneCelebration, useReducedMotionPerTest } from './harness'

vi.mock('canvas-confetti', () => ({ default: { create: () => Object.assign(() => null, { reset: () => {} }) } }))

useReducedMotionPerTest()
// Loaded once up front, as after a page's first celebration: tests then wait on the queue, not on import().
beforeAll(() => CELEBRATION_CHUNK.load())

function Page({ fake, widget = true, layer = true }: { fake: FakeSource; widget?: boolean; layer?: boolean }) {
  return (
    <CairnProvider source={fake.source}>
      {widget ? <ProgressWidget /> : null}
      <ProgressLauncher />
      {layer ? <CelebrationLayer className="host-layer" /> : null}
    </CairnProvider>
  )
}

describe('one celebration layer per provider', () => {
  it('shows a level-up once when a widget, a launcher and an explicit layer share a provider', async () => {
    const fake = createFakeSource([levelCelebration()])
    render(<Page fake={fake} />)
    await screen.findByRole('dialog', { name: 'You did it!' })
    expect(screen.getAllByRole('dialog', { name: 'You did it!' })).toHaveLength(1)
    expect(document.querySelectorAll('[data-cairn-celebrations]')).toHaveLength(1)
    expect(fake.ackCalls).toEqual(['level:getting-started'])
  })

  it('is mounted by the provider itself: moments show with no widget or layer on the page', async () => {
    const fake = createFakeSource([milestoneCelebration('first-report')])
    render(
      <CairnProvider source={fake.source}>
        <p>Host page</p>
      </CairnProvider>,
    )
    expect(await screen.findByRole('status')).toHaveTextContent('Milestone achieved: Generate a report')
  })

  it('keeps the same layer when the parts around it come and go', async () => {
    const fake = createFakeSource([levelCelebration()])
    const page = render(<Page fake={fake} />)
    const dialog = await screen.findByRole('dialog', { name: 'You did it!' })

    page.rerender(<Page fake={fake} widget={false} layer={false} />)
    expect(screen.getByRole('dialog', { name: 'You did it!' })).toBe(dialog)
    expect(document.querySelectorAll('[data-cairn-celebrations]')).toHaveLength(1)
  })

  it('applies an explicit <CelebrationLayer>’s settings to the one layer while it is mounted', async () => {
    const fake = createFakeSource([levelCelebration()])
    const page = render(<Page fake={fake} />)
    await screen.findByRole('dialog')
    expect(document.querySelector('[data-cairn-celebrations]')).toHaveClass('host-layer')
    page.rerender(<Page fake={fake} layer={false} />)
    await waitFor(() => expect(document.querySelector('[data-cairn-celebrations]')).not.toHaveClass('host-layer'))
  })

  it('shows and acknowledges nothing with celebrations={false}', async () => {
    const fake = createFakeSource([levelCelebration(), milestoneCelebration('first-report')])
    render(
      <CairnProvider source={fake.source} celebrations={false}>
        <ProgressWidget />
      </CairnProvider>,
    )
    await screen.findByRole('heading', { name: 'Your progress' })
    await act(async () => {})
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.querySelector('[data-cairn-celebrations]')).toBeNull()
    expect(fake.ackCalls).toEqual([])
  })
})
