import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { CairnError, type Source } from '../../../src/client'
import type { Program } from '../../../src/core'
import { BadgeShelf } from '../../../src/react'
import { CELEBRATION_CHUNK } from '../../../src/react/celebrations/celebration-host'
import { createFakeSource as createWidgetSource, makeProgress, program as taskly, renderWithProvider } from '../fixtures'
import { createFakeSource, levelCelebration, program, renderLayer, useReducedMotionPerTest } from './harness'

vi.mock('canvas-confetti', () => ({ default: { create: () => Object.assign(() => null, { reset: () => {} }) } }))

useReducedMotionPerTest()
beforeAll(() => CELEBRATION_CHUNK.load())

const SHARING = { enabled: true, productName: 'Taskly' }
const LINK = { id: 'AbCdEfGhIjKlMnOpQrStUv', url: 'https://cairn.example/s/AbCdEfGhIjKlMnOpQrStUv' }

/** The layer's fake source, with a program that enables sharing (or not) and a scripted `share`. */
function sharingSource(options: { sharing?: Program['sharing']; share?: Source['share'] | null } = {}) {
  const fake = createFakeSource()
  const shared: Program = { ...program, ...(options.sharing !== undefined ? { sharing: options.sharing } : { sharing: SHARING }) }
  const share = vi.fn(options.share ?? (async () => LINK))
  const unshare = vi.fn(async (_id: string) => {})
  const source: Source = {
    ...fake.source,
    load: async () => ({ ...(await fake.source.load()), program: shared }),
    ...(options.share !== null && { share, unshare }),
  }
  return { fake: { ...fake, source }, share, unshare }
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'share')
  Reflect.deleteProperty(navigator, 'clipboard')
})

async function openDialogShare(fake: ReturnType<typeof sharingSource>['fake']) {
  renderLayer(fake)
  act(() => fake.achieve(levelCelebration()))
  const dialog = await screen.findByRole('dialog', { name: 'You did it!' })
  const user = userEvent.setup()
  await user.click(within(dialog).getByRole('button', { name: 'Share' }))
  return { dialog, user }
}

describe('the share action in the celebration dialog', () => {
  it('says what becomes public, sends the typed first name, and without Web Share offers LinkedIn, X and Copy link', async () => {
    const { fake, share } = sharingSource()
    const { dialog, user } = await openDialogShare(fake)

    const name = within(dialog).getByRole('textbox', { name: 'Your first name (optional)' })
    expect(name).toHaveFocus()
    expect(name).toHaveAccessibleDescription('Creates a public page with this achievement and Taskly, never your email.')
    await user.type(name, 'Alex')
    await user.click(within(dialog).getByRole('button', { name: 'Create link' }))

    expect(share).toHaveBeenCalledWith('level', 'getting-started', expect.objectContaining({ firstName: 'Alex' }))
    const linkedIn = await within(dialog).findByRole('link', { name: 'LinkedIn (new tab)' })
    await waitFor(() => expect(linkedIn).toHaveFocus())
    expect(linkedIn).toHaveAttribute('href', `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(LINK.url)}`)
    const x = within(dialog).getByRole('link', { name: 'X (new tab)' })
    const post = new URL(x.getAttribute('href')!)
    expect(post.origin + post.pathname).toBe('https://x.com/intent/post')
    expect(post.searchParams.get('text')).toBe('I completed the Getting started level in Taskly')
    expect(post.searchParams.get('url')).toBe(LINK.url)
    expect(within(dialog).getByRole('textbox', { name: 'Link to your page' })).toHaveValue(LINK.url)

    await user.click(within(dialog).getByRole('button', { name: 'Copy link' }))
    // user-event's setup() stands in for the clipboard, as a browser that grants the permission.
    expect(await navigator.clipboard.readText()).toBe(LINK.url)
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('Link copied'))
  })

  it('hands the link to the device’s share sheet when navigator.share exists, and keeps a “Share…” button', async () => {
    const { fake } = sharingSource()
    const nativeShare = vi.fn(async (_data: ShareData) => {})
    Object.defineProperty(navigator, 'share', { value: nativeShare, configurable: true })
    const { dialog, user } = await openDialogShare(fake)
    await user.click(within(dialog).getByRole('button', { name: 'Create link' }))

    await waitFor(() => expect(nativeShare).toHaveBeenCalledTimes(1))
    expect(nativeShare).toHaveBeenCalledWith({ title: 'I completed the Getting started level in Taskly', text: 'I completed the Getting started level in Taskly', url: LINK.url })
    const again = within(dialog).getByRole('button', { name: 'Share…' })
    await waitFor(() => expect(again).toHaveFocus())
    expect(within(dialog).queryByRole('link', { name: /LinkedIn/ })).toBeNull()
    await user.click(again)
    expect(nativeShare).toHaveBeenCalledTimes(2)
  })

  it('closes its panel on Escape without closing the dialog, and gives focus back to “Share”', async () => {
    const { fake } = sharingSource()
    const { dialog, user } = await openDialogShare(fake)
    const toggle = within(dialog).getByRole('button', { name: 'Share' })
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    await user.keyboard('{Escape}')
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(toggle).toHaveFocus()
    expect(screen.getByRole('dialog')).toBeInTheDocument()
  })

  it('refuses a name that cannot be shown before sending anything, in words the user can act on', async () => {
    const { fake, share } = sharingSource()
    const { dialog, user } = await openDialogShare(fake)
    const name = within(dialog).getByRole('textbox', { name: 'Your first name (optional)' })
    await user.type(name, 'R2-D2')
    await user.click(within(dialog).getByRole('button', { name: 'Create link' }))
    expect(share).not.toHaveBeenCalled()
    expect(name).toHaveAttribute('aria-invalid', 'true')
    expect(name).toHaveAccessibleDescription(expect.stringContaining('Letters only'))
    expect(name).toHaveFocus()
  })

  it('says so when the program turned sharing off since the widget loaded (403), and lets the user try again otherwise', async () => {
    const { fake } = sharingSource({ share: async () => Promise.reject(new CairnError('http', 'Sharing is not enabled for this program.', 403)) })
    const { dialog, user } = await openDialogShare(fake)
    await user.click(within(dialog).getByRole('button', { name: 'Create link' }))
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('Sharing is turned off for this product.'))
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Create link' })).toHaveFocus())
  })

  it('selects the link for the keyboard when the clipboard refuses, and says so', async () => {
    const { fake } = sharingSource()
    const { dialog, user } = await openDialogShare(fake)
    await user.click(within(dialog).getByRole('button', { name: 'Create link' }))
    const copy = await within(dialog).findByRole('button', { name: 'Copy link' })
    // After user-event's setup(), which installs a clipboard of its own: this one refuses, as without permission.
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }, configurable: true })
    await user.click(copy)
    const field = within(dialog).getByRole('textbox', { name: 'Link to your page' })
    await waitFor(() => expect(field).toHaveFocus())
    expect(within(dialog).getByRole('status')).toHaveTextContent("Couldn't copy. The link is selected: copy it yourself.")
  })

  it('removes the link on request', async () => {
    const { fake, unshare } = sharingSource()
    const { dialog, user } = await openDialogShare(fake)
    await user.click(within(dialog).getByRole('button', { name: 'Create link' }))
    await user.click(await within(dialog).findByRole('button', { name: 'Remove link' }))
    expect(unshare).toHaveBeenCalledWith(LINK.id)
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('Link removed. The page is no longer public.'))
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Create link' })).toHaveFocus())
  })

  it('is not offered when the program does not enable sharing, or the source cannot share (localSource)', async () => {
    for (const options of [{ sharing: { enabled: false, productName: 'Taskly' } }, { share: null }]) {
      const { fake } = sharingSource(options)
      const { unmount } = renderLayer(fake)
      act(() => fake.achieve(levelCelebration()))
      const dialog = await screen.findByRole('dialog')
      expect(within(dialog).queryByRole('button', { name: 'Share' })).toBeNull()
      unmount()
    }
  })
})

describe('the share action on the badge shelf', () => {
  it('is offered on earned badges only, named after the badge', async () => {
    const widget = createWidgetSource(makeProgress({}, { badges: [{ id: 'organized', earnedAt: '2026-11-18T09:00:00.000Z' }] }))
    const source: Source = {
      ...widget.source,
      load: async () => ({ ...(await widget.source.load()), program: { ...taskly, sharing: SHARING } }),
      share: vi.fn(async () => LINK),
    }
    renderWithProvider(<BadgeShelf />, { ...widget, source })
    const shelf = await screen.findByRole('region', { name: 'Badges' })
    const share = await within(shelf).findByRole('button', { name: 'Share Organized' })
    expect(share).toHaveTextContent('Share')
    expect(within(shelf).getAllByRole('button', { name: /^Share/ })).toHaveLength(1)
    await userEvent.setup().click(share)
    expect(within(shelf).getByRole('textbox', { name: 'Your first name (optional)' })).toHaveFocus()
  })

  it('floats its panel, which closes once focus moves to a control outside it (that control may lie under it)', async () => {
    const widget = createWidgetSource(
      makeProgress({}, { badges: [{ id: 'organized', earnedAt: '2026-11-18T09:00:00.000Z' }, { id: 'productive', earnedAt: '2026-11-20T09:00:00.000Z' }] }),
    )
    const source: Source = {
      ...widget.source,
      load: async () => ({ ...(await widget.source.load()), program: { ...taskly, sharing: SHARING } }),
      share: vi.fn(async () => LINK),
    }
    renderWithProvider(<BadgeShelf />, { ...widget, source })
    const shelf = await screen.findByRole('region', { name: 'Badges' })
    const user = userEvent.setup()
    const toggle = await within(shelf).findByRole('button', { name: 'Share Organized' })
    await user.click(toggle)
    const panel = document.querySelector('[data-cairn-badge="organized"] [data-cairn-share-panel]')!
    expect(panel).not.toHaveAttribute('hidden')
    // Within the panel (name field → Create link) it stays open, its status line inside it.
    await user.tab()
    expect(within(shelf).getByRole('button', { name: 'Create link' })).toHaveFocus()
    expect(panel).not.toHaveAttribute('hidden')
    expect(panel).toContainElement(within(shelf).getByRole('status'))
    // On to the next badge's Share: the panel closes rather than cover it.
    await user.tab()
    expect(await within(shelf).findByRole('button', { name: 'Share Productive' })).toHaveFocus()
    expect(panel).toHaveAttribute('hidden')
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
  })
})
