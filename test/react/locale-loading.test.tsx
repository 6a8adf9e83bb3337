import { render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { CairnProvider, CelebrationLayer, ProgressWidget } from '../../src/react'
import { de } from '../../src/react/i18n/de'
import { createFakeSource as createCelebrationSource, milestoneCelebration } from './celebrations/harness'
import { createFakeSource, renderWithProvider } from './fixtures'

const widget = () => document.querySelector('[data-cairn-widget]') as HTMLElement

describe('locales beyond English', () => {
  // First in the file and without the celebration layer, so nothing has loaded German yet: the table alone must do.
  it('renders German at once when the host passes the German table', () => {
    renderWithProvider(<ProgressWidget />, createFakeSource('pending'), { locale: 'de', messages: de, celebrations: false })
    expect(screen.getByRole('heading', { name: 'Dein Fortschritt' })).toBeInTheDocument()
    expect(screen.getByText('Dein Fortschritt wird geladen …')).toBeInTheDocument()
  })

  it('shows a busy skeleton without English text while German loads, then speaks German', async () => {
    renderWithProvider(<ProgressWidget />, createFakeSource(), { locale: 'de-AT' })
    expect(widget()).toHaveAttribute('aria-busy', 'true')
    expect(widget()).not.toHaveTextContent(/progress|loading/i)

    expect(await screen.findByRole('heading', { name: 'Dein Fortschritt' })).toBeInTheDocument()
    expect(await screen.findByText('Stufe 1 · Getting started – 2 von 3')).toBeInTheDocument()
    expect(widget()).not.toHaveAttribute('aria-busy')
  })

  it('lays partial overrides over the loaded German table', async () => {
    renderWithProvider(<ProgressWidget />, createFakeSource(), { locale: 'de', messages: { widgetTitle: 'Onboarding' } })
    expect(await screen.findByRole('heading', { name: 'Onboarding' })).toBeInTheDocument()
    expect(await screen.findByText('Stufe 1 · Getting started – 2 von 3')).toBeInTheDocument()
  })

  it('celebrates in German', async () => {
    const fake = createCelebrationSource([milestoneCelebration('invite-teammate')])
    render(
      <CairnProvider source={fake.source} locale="de">
        <CelebrationLayer />
      </CairnProvider>,
    )
    // The German table and the celebration chunk both load first.
    const region = await screen.findByRole('region', { name: 'Erfolge' }, { timeout: 5_000 })
    await waitFor(() => expect(within(region).getByRole('status')).toHaveTextContent('Meilenstein erreicht: Invite a teammate'))
    expect(within(region).getByRole('button', { name: 'Schließen' })).toBeInTheDocument()
  })
})
