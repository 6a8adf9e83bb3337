import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { Program } from '../../src/core'
import { MilestoneRow, type RenderLinkProps } from '../../src/react'
import { createFakeSource, makeProgress, program, renderWithProvider } from './fixtures'

const row = (id: string) => document.querySelector(`[data-cairn-milestone="${id}"]`) as HTMLElement

/** The demo program with one milestone's CTA pointing somewhere else (as a compromised API might send). */
function withCta(href: string): Program {
  return { ...program, milestones: program.milestones.map((m) => (m.id === 'five-tasks' ? { ...m, cta: { label: 'Add a task', href } } : m)) }
}

function sourceWith(customProgram: Program) {
  const fake = createFakeSource(makeProgress({ 'five-tasks': { state: 'in_progress', current: 3 } }))
  fake.source.load = vi.fn(async () => ({ program: customProgram, progress: makeProgress({ 'five-tasks': { state: 'in_progress', current: 3 } }) }))
  return fake
}

describe('MilestoneRow', () => {
  it('shows title, count, state and a real link for its call to action', async () => {
    renderWithProvider(<MilestoneRow id="five-tasks" />, createFakeSource(makeProgress({ 'five-tasks': { state: 'in_progress', current: 3 } })))
    await waitFor(() => expect(row('five-tasks')).toHaveAttribute('data-state', 'in_progress'))
    expect(row('five-tasks')).toHaveTextContent('Add 5 tasks')
    expect(within(row('five-tasks')).getByText('3 / 5')).toBeInTheDocument()
    expect(within(row('five-tasks')).getByText('In progress')).toBeInTheDocument()
    expect(within(row('five-tasks')).getByRole('link', { name: 'Add a task' })).toHaveAttribute('href', '/tasks/new')
  })

  it('shows an achieved milestone as done without its call to action', async () => {
    renderWithProvider(<MilestoneRow id="first-project" />, createFakeSource(makeProgress({ 'first-project': { state: 'achieved', current: 1 } })))
    await waitFor(() => expect(row('first-project')).toHaveAttribute('data-state', 'achieved'))
    expect(within(row('first-project')).getByText('Done')).toBeInTheDocument()
    expect(within(row('first-project')).queryByRole('link')).toBeNull()
  })

  it('says when a late achievement caught up', async () => {
    renderWithProvider(<MilestoneRow id="finish-setup" />, createFakeSource(makeProgress({ 'finish-setup': { state: 'achieved', current: 3, late: true } })))
    await waitFor(() => expect(row('finish-setup')).toHaveAttribute('data-late'))
    expect(row('finish-setup')).toHaveTextContent('Done — caught up')
  })

  it('renders nothing for an ineligible milestone', async () => {
    const fake = createFakeSource(makeProgress({ 'three-active-teammates': { state: 'ineligible' } }))
    renderWithProvider(<MilestoneRow id="three-active-teammates" />, fake)
    await waitFor(() => expect(fake.source.load).toHaveBeenCalled())
    expect(row('three-active-teammates')).toBeNull()
  })

  it.each(['javascript:alert(1)', 'JaVa\tScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', '//evil.example/path'])(
    'renders an unsafe CTA (%s) as plain text, never as a link',
    async (href) => {
      renderWithProvider(<MilestoneRow id="five-tasks" />, sourceWith(withCta(href)))
      await waitFor(() => expect(row('five-tasks')).toHaveTextContent('Add a task'))
      expect(within(row('five-tasks')).queryByRole('link')).toBeNull()
      expect(document.querySelector('a')).toBeNull()
    },
  )

  it('hands safe links to the host router and reports the click', async () => {
    const onEvent = vi.fn()
    const renderLink = vi.fn(({ href, children, onClick }: RenderLinkProps) => (
      <a href={href} data-router-link="" onClick={(event) => { event.preventDefault(); onClick() }}>
        {children}
      </a>
    ))
    renderWithProvider(<MilestoneRow id="five-tasks" />, sourceWith(withCta('https://taskly.example/tasks/new')), { renderLink, onEvent })
    const link = await screen.findByRole('link', { name: 'Add a task' })
    expect(link).toHaveAttribute('data-router-link')
    await userEvent.click(link)
    expect(onEvent).toHaveBeenCalledWith('cta_clicked', expect.objectContaining({ milestone_id: 'five-tasks', href: 'https://taskly.example/tasks/new', placement: 'milestone' }))
  })

  it('never passes an unsafe URL to the host router', async () => {
    const renderLink = vi.fn(() => <a href="/x">x</a>)
    renderWithProvider(<MilestoneRow id="five-tasks" />, sourceWith(withCta('javascript:alert(1)')), { renderLink })
    await waitFor(() => expect(row('five-tasks')).toHaveTextContent('Add a task'))
    expect(renderLink).not.toHaveBeenCalled()
  })
})
