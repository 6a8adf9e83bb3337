import { render } from '@testing-library/react'
import { VelocityChart } from '../../src/demo/charts/VelocityChart'

const weeks = ['2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23'].map((day, i) => ({ weekStart: `${day}T00:00:00.000Z`, achieved: 10 + i }))

describe('the insights velocity chart', () => {
  it('marks each program change inside the charted weeks, never the first version', () => {
    const { container } = render(
      <VelocityChart
        title="Milestones achieved per week"
        description="Per week"
        weeks={weeks}
        versions={[
          { version: '1', activatedAt: '2026-01-01T00:00:00.000Z' },
          { version: '2', activatedAt: '2026-02-12T12:00:00.000Z' },
          { version: '3', activatedAt: '2026-04-01T00:00:00.000Z' },
        ]}
      />,
    )
    const markers = [...container.querySelectorAll('[data-version-marker]')]
    expect(markers.map((m) => m.getAttribute('data-version-marker'))).toEqual(['2'])
    expect(markers[0]?.querySelector('title')?.textContent).toBe('Program version 2 active from Feb 12')
  })
})
