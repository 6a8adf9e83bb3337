// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { CairnProvider, ProgressWidget } from '../../src/react'
import { de } from '../../src/react/i18n/de'
import { createFakeSource } from './fixtures'

describe('server rendering in another language', () => {
  it('renders German from the table the host passes, without loading anything', () => {
    const html = renderToString(
      <CairnProvider source={createFakeSource().source} locale="de" messages={de}>
        <ProgressWidget />
      </CairnProvider>,
    )
    expect(html).toContain('Dein Fortschritt')
    expect(html).toContain('lang="de"')
  })

  it('renders a text-free skeleton when the German table is not passed, never English', () => {
    const html = renderToString(
      <CairnProvider source={createFakeSource().source} locale="de">
        <ProgressWidget />
      </CairnProvider>,
    )
    expect(html).toContain('data-cairn-skeleton')
    expect(html).toContain('aria-busy="true"')
    expect(html).not.toMatch(/Your progress|Loading your progress/)
  })
})
