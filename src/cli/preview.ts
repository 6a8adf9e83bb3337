import type { ProgramPreview } from '../core'

/** Where the running server is and the key it accepts. */
export interface PreviewTarget {
  url: string
  key: string
}

/** The server's answer: the preview, or its error lines (`path: message`) and status. */
export type PreviewAnswer = { ok: true; preview: ProgramPreview } | { ok: false; status: number; lines: string[] }

/** `POST /v1/program/preview` with the API key. */
export async function requestPreview(target: PreviewTarget, definition: unknown): Promise<PreviewAnswer> {
  const response = await fetch(new URL('/v1/program/preview', target.url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${target.key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(definition),
  })
  const body = (await response.json().catch(() => undefined)) as
    | ProgramPreview
    | { error?: { message?: string; details?: { path: string; message: string }[] } }
    | undefined
  if (response.ok && body && 'milestones' in body) return { ok: true, preview: body }
  const error = body && 'error' in body ? body.error : undefined
  const details = error?.details?.map((d) => `${d.path || '(root)'}: ${d.message}`) ?? []
  return { ok: false, status: response.status, lines: [error?.message ?? `The server answered ${response.status}.`, ...details] }
}

/** A plain-text report: one line per milestone that would change, then how many would not. */
export function formatPreview(preview: ProgramPreview): string[] {
  const { subjects } = preview
  const lines = [`Publishing version ${preview.version} (active: ${preview.activeVersion}) would affect ${subjects} ${subjects === 1 ? 'subject' : 'subjects'}:`]
  const { added, removed } = preview.summary.milestones
  let unchanged = 0
  for (const [id, counts] of Object.entries(preview.milestones)) {
    if (counts.changed === 0 && !added.includes(id)) {
      unchanged++
      continue
    }
    const tag = added.includes(id) ? ' (new)' : removed.includes(id) ? ' (removed)' : ''
    const newly = counts.newlyAchieved > 0 ? `, ${counts.newlyAchieved} newly achieved (one calm toast each)` : ''
    lines.push(`  ${id}${tag}: ${counts.changed} would change state${newly}; ${describe(counts.before)} → ${describe(counts.after)}`)
  }
  lines.push(unchanged === 0 ? 'Every milestone changes for someone.' : `${unchanged} ${unchanged === 1 ? 'milestone stays' : 'milestones stay'} as they are.`)
  lines.push('Nothing anyone achieved is lost by publishing.')
  return lines
}

function describe(counts: Partial<Record<string, number>>): string {
  const parts = Object.entries(counts).map(([state, n]) => `${state.replace('_', ' ')} ${n}`)
  return parts.length === 0 ? 'none' : parts.join(', ')
}
