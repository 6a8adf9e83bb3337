// @vitest-environment node
// Server-rendered markup under a strict CSP (`style-src 'self'`): a `style` attribute would be blocked, and
// text meant for screen readers only would show.
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { CairnProvider, ProgressBar, ProgressWidget } from '../../src/react'
import { createFakeSource } from './fixtures'

const render = (unstyled: boolean) =>
  renderToString(
    <CairnProvider source={createFakeSource().source} unstyled={unstyled}>
      <ProgressWidget />
    </CairnProvider>,
  )

describe('server-rendered widget', () => {
  it('hides its screen-reader text through the stylesheet, with no style attribute', () => {
    const html = render(false)
    expect(html).toMatch(/<span data-cairn-visually-hidden="">Loading your progress…<\/span>/)
    expect(html).not.toContain('style=')
  })

  it('keeps the screen-reader text hidden inline when unstyled (no stylesheet to rely on)', () => {
    expect(render(true)).toMatch(/<span data-cairn-visually-hidden="" style="position:absolute;[^"]*clip:rect\(0 0 0 0\)[^"]*">Loading your progress…<\/span>/)
  })

  it('draws a progress bar at its width without a style attribute', () => {
    const html = renderToString(<ProgressBar value={2} max={5} label="Getting started progress" />)
    expect(html).not.toContain('style=')
    expect(html).toMatch(/<svg data-cairn-progress-fill="" width="40%"/)
  })
})
