import { screen, waitFor } from '@testing-library/react'
import { render } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { CairnProvider, ProgressLauncher, ProgressWidget } from '../../../src/react'
import { createFakeSource, type FakeSource, levelCelebration, useReducedMotionPerTest } from './harness'

vi.mock('canvas-confetti', () => ({ default: { create: () => Object.assign(() => null, { reset: () => {} }) } }))

useReducedMotionPerTest()

function Page({ fake, widget = true }: { fake: FakeSource; widget?: boolean }) {
  return (
    <CairnProvider source={fake.source}>
      {widget ? <ProgressWidget /> : null}
      <ProgressLauncher />
    </CairnProvider>
  )
}

describe('one celebration layer per provider', () => {
  it('shows a level-up once when a widget and a launcher share a provider', async () => {
    const fake = createFakeSource([levelCelebration()])
    render(<Page fake={fake} />)
    await screen.findByRole('dialog', { name: 'You did it!' })
    expect(screen.getAllByRole('dialog')).toHaveLength(1)
    expect(document.querySelectorAll('[data-cairn-celebrations]')).toHaveLength(1)
    expect(fake.ackCalls).toEqual(['level:getting-started'])
  })

  it('hands the layer to the launcher when the widget that held it unmounts', async () => {
    const fake = createFakeSource([levelCelebration()])
    const page = render(<Page fake={fake} />)
    await screen.findByRole('dialog', { name: 'You did it!' })

    page.rerender(<Page fake={fake} widget={false} />)
    await waitFor(() => expect(screen.getAllByRole('dialog')).toHaveLength(1))
    expect(document.querySelectorAll('[data-cairn-celebrations]')).toHaveLength(1)
  })
})
