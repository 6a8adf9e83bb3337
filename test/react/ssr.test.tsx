// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { CairnProvider, ProgressLauncher, ProgressWidget } from '../../src/react'
import { createFakeSource } from './fixtures'

describe('server rendering', () => {
  it('renders the loading widget without a window and without fetching', () => {
    expect(typeof window).toBe('undefined')
    const fake = createFakeSource()
    const html = renderToString(
      <CairnProvider source={fake.source} theme="dark">
        <ProgressWidget />
        <ProgressLauncher />
      </CairnProvider>,
    )
    expect(html).toContain('data-cairn-widget=""')
    expect(html).toContain('aria-busy="true"')
    expect(html).toContain('data-cairn-theme="dark"')
    expect(html).toContain('Loading your progress…')
    expect(html).toContain('data-cairn-launcher=""')
    expect(fake.source.load).not.toHaveBeenCalled()
    expect(fake.source.subscribe).not.toHaveBeenCalled()
  })
})
