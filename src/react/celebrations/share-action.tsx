// The share action (DESIGN §7.5): a "Share" button that opens a small panel — what becomes public, an optional
// first name, "Create link" — then hands the link to the device's share sheet (Web Share API) or offers LinkedIn,
// X and "Copy link". Lazy only: the dialog (celebration chunk) imports it, the badge shelf loads it with import().
// Nothing here may import a first-load module except for types; what it needs comes in `context`.
import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react'
import type { ShareKind, ShareLink } from '../../client'
import { isShareFirstName, MAX_FIRST_NAME_LENGTH } from '../../core'
import type { CairnContextValue } from '../context'
import type { CelebrationMessages } from '../i18n/types'

export interface ShareActionProps {
  kind: ShareKind
  refId: string
  /** The achievement's name, for the post text. */
  title: string
  /** The provider's context value (source, store, error reporting). */
  context: CairnContextValue
  messages: CelebrationMessages
  /** Accessible name of the button when "Share" alone is ambiguous (a row among many). @default the visible text */
  label?: string
  /**
   * The panel floats over what follows (the badge shelf's stylesheet positions it), so it closes when focus moves
   * to a control outside it: a control under the panel is never focused out of sight. @default false
   */
  floating?: boolean
}

type Phase = 'compose' | 'creating' | 'ready'

/** The device's share sheet, where the browser has one (most phones, Safari, Edge). */
const nativeShare = () => (typeof navigator !== 'undefined' && typeof navigator.share === 'function' ? navigator.share.bind(navigator) : undefined)

/** LinkedIn reads the page's Open Graph tags itself; X takes the post text and the link. */
export function shareTargets(url: string, text: string): { linkedIn: string; x: string } {
  const link = encodeURIComponent(url)
  return {
    linkedIn: `https://www.linkedin.com/sharing/share-offsite/?url=${link}`,
    x: `https://x.com/intent/post?text=${encodeURIComponent(text)}&url=${link}`,
  }
}

/** A button that opens the share panel; renders nothing when the source cannot share or the program does not enable it. */
export function ShareAction({ kind, refId, title, context, messages, label, floating = false }: ShareActionProps) {
  const { source, store, reportError, unstyled } = context
  const sharing = store.getState().program?.sharing
  const [open, setOpen] = useState(false)
  const [phase, setPhase] = useState<Phase>('compose')
  const [link, setLink] = useState<ShareLink | null>(null)
  const [name, setName] = useState('')
  const [nameInvalid, setNameInvalid] = useState(false)
  const [status, setStatus] = useState('')
  const [panelId, noteId, nameId, errorId, linkId] = [useId(), useId(), useId(), useId(), useId()]
  const toggleRef = useRef<HTMLButtonElement>(null)
  const nameRef = useRef<HTMLInputElement>(null)
  const createRef = useRef<HTMLButtonElement>(null)
  const firstActionRef = useRef<HTMLButtonElement & HTMLAnchorElement>(null)
  const linkRef = useRef<HTMLInputElement>(null)
  const pending = useRef<AbortController | null>(null)
  /** Where focus goes after the next render: the panel's first control when it opens or changes step. */
  const focusNext = useRef<'name' | 'create' | 'action' | null>(null)

  useEffect(() => () => pending.current?.abort(), [])
  useEffect(() => {
    const target = focusNext.current
    focusNext.current = null
    if (target === 'name') nameRef.current?.focus()
    else if (target === 'create') createRef.current?.focus()
    else if (target === 'action') firstActionRef.current?.focus()
  })

  if (!source.share || sharing?.enabled !== true) return null
  const share = source.share
  const product = sharing.productName
  const text = messages.shareText(kind, title, product)
  const sheet = nativeShare()

  const toggle = () => {
    focusNext.current = open ? null : phase === 'ready' ? 'action' : 'name'
    setOpen(!open)
  }
  const close = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return
    // The panel closes, not the dialog around it: stop the key before the dialog (or the browser) acts on it.
    event.preventDefault()
    event.stopPropagation()
    setOpen(false)
    toggleRef.current?.focus()
  }

  const openSheet = (url: string) => {
    // Cancelled by the user, or the click's activation expired while the link was being made: the "Share…"
    // button stays, and a fresh click opens the sheet.
    sheet?.({ title: text, text, url }).catch(() => {})
  }

  const create = async () => {
    if (!isShareFirstName(name)) {
      setNameInvalid(true)
      nameRef.current?.focus()
      return
    }
    setNameInvalid(false)
    const controller = new AbortController()
    pending.current = controller
    setPhase('creating')
    setStatus(messages.shareCreating)
    try {
      const created = await share(kind, refId, { firstName: name, signal: controller.signal })
      if (controller.signal.aborted) return
      setLink(created)
      setPhase('ready')
      setStatus(messages.shareReady)
      focusNext.current = 'action'
      openSheet(created.url)
    } catch (error) {
      if (controller.signal.aborted) return
      reportError(error)
      const status = (error as { status?: number }).status
      setPhase('compose')
      if (status === 422) setNameInvalid(true)
      setStatus(status === 403 ? messages.shareOff : status === 422 ? '' : messages.shareFailed)
      focusNext.current = status === 422 ? 'name' : 'create'
    }
  }

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url)
      setStatus(messages.shareCopied)
    } catch {
      // No clipboard permission (or an insecure page): select the link so the keyboard can copy it.
      linkRef.current?.focus()
      linkRef.current?.select()
      setStatus(messages.shareCopyFailed)
    }
  }

  const remove = async (id: string) => {
    try {
      await source.unshare?.(id)
      setLink(null)
      setPhase('compose')
      setStatus(messages.shareRemoved)
      focusNext.current = 'create'
    } catch (error) {
      reportError(error)
      setStatus(messages.shareRemoveFailed)
    }
  }

  const targets = link && shareTargets(link.url, text)
  const newTab = (
    <span data-cairn-visually-hidden="" style={unstyled ? HIDDEN : undefined}>
      {messages.shareNewTab}
    </span>
  )

  // Only a move to another control closes it: a click on the page (or on a button, in Safari) moves focus nowhere.
  const leave = (event: FocusEvent) => {
    const to = event.relatedTarget as Node | null
    if (floating && to && !event.currentTarget.contains(to)) setOpen(false)
  }

  return (
    <div data-cairn-share={kind} data-state={phase} onBlur={leave}>
      <button
        ref={toggleRef}
        type="button"
        data-cairn-share-toggle=""
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        onClick={toggle}
      >
        {messages.share}
      </button>
      <div id={panelId} data-cairn-share-panel="" hidden={!open} onKeyDown={close}>
        {phase !== 'ready' || !link || !targets ? (
          <form
            onSubmit={(event) => {
              event.preventDefault()
              if (phase === 'compose') void create()
            }}
          >
            <p id={noteId}>{messages.shareNote(product)}</p>
            {/* One control a line, spaced by markup alone: the stylesheet has no bytes to spare for this panel. */}
            <div>
              <label htmlFor={nameId}>{messages.shareNameLabel}</label>
            </div>
            <input
              ref={nameRef}
              id={nameId}
              type="text"
              autoComplete="given-name"
              maxLength={MAX_FIRST_NAME_LENGTH}
              value={name}
              aria-invalid={nameInvalid || undefined}
              aria-describedby={nameInvalid ? `${errorId} ${noteId}` : noteId}
              onChange={(event) => setName(event.target.value)}
            />
            <br />
            {nameInvalid ? (
              <p id={errorId} data-cairn-share-error="">
                {messages.shareNameInvalid}
              </p>
            ) : null}
            <button ref={createRef} type="submit" data-cairn-share-create="" aria-disabled={phase === 'creating' || undefined}>
              {messages.shareCreate}
            </button>
          </form>
        ) : (
          <>
            <div>
              <label htmlFor={linkId}>{messages.shareLinkLabel}</label>
            </div>
            <input ref={linkRef} id={linkId} type="url" size={32} readOnly value={link.url} data-cairn-share-url="" onFocus={(event) => event.currentTarget.select()} />
            <div data-cairn-share-actions="">
              {sheet ? (
                <button ref={firstActionRef} type="button" data-cairn-share-native="" onClick={() => openSheet(link.url)}>
                  {messages.shareNative}
                </button>
              ) : (
                <>
                  <a ref={firstActionRef} href={targets.linkedIn} target="_blank" rel="noopener noreferrer" data-cairn-share-target="linkedin">
                    LinkedIn {newTab}
                  </a>{' '}
                  <a href={targets.x} target="_blank" rel="noopener noreferrer" data-cairn-share-target="x">
                    X {newTab}
                  </a>
                </>
              )}{' '}
              <button type="button" data-cairn-share-copy="" onClick={() => void copy(link.url)}>
                {messages.shareCopy}
              </button>{' '}
              <button type="button" data-cairn-share-remove="" onClick={() => void remove(link.id)}>
                {messages.shareRemove}
              </button>
            </div>
          </>
        )}
        {/* Inside the panel, so a floating panel never covers its own status line. */}
        <p role="status" data-cairn-share-status="">
          {status}
        </p>
      </div>
    </div>
  )
}
ShareAction.displayName = 'Cairn.ShareAction'

// Only for `unstyled` widgets (as in VisuallyHidden, which this lazy module may not import).
const HIDDEN = { position: 'absolute', width: 1, height: 1, margin: -1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const
