import type { LocalizedText } from '../schemas/localized-text'
import type { LocalizedProgram, Program } from '../schemas/program'
import { resolveLocale } from './match-locale'

/**
 * One text in `locale`: a plain string as it is; from a locale map, the best match (`de-AT` → `de`), else
 * English, else the map's first entry.
 */
export function localizeText(text: LocalizedText, locale: string | undefined): string {
  if (typeof text === 'string') return text
  const key = resolveLocale(Object.keys(text), locale)
  return (key === undefined ? undefined : text[key]) ?? ''
}

/**
 * Resolves every localisable text of a program (titles, descriptions, CTA labels, unlock messages; signal titles
 * and CTA labels too) to plain
 * strings in `locale`, so the engine, the API and the widget work on plain strings. Pure; a program without
 * locale maps comes back equal to itself. `locale` undefined → each text's English or first entry.
 */
export function localizeProgram(program: LocalizedProgram, locale?: string): Program {
  const text = (value: LocalizedText) => localizeText(value, locale)
  const { signals, ...plain } = program
  return {
    ...plain,
    title: text(program.title),
    milestones: program.milestones.map((milestone) => {
      const { title, doneTitle, description, cta, ...rest } = milestone
      return {
        ...rest,
        title: text(title),
        ...(doneTitle !== undefined && { doneTitle: text(doneTitle) }),
        ...(description !== undefined && { description: text(description) }),
        ...(cta !== undefined && { cta: { ...cta, label: text(cta.label) } }),
      }
    }),
    levels: program.levels.map((level) => {
      const { title, unlocks, ...rest } = level
      if (unlocks === undefined) return { ...rest, title: text(title) }
      const { message, features, ...unlocked } = unlocks
      return {
        ...rest,
        title: text(title),
        unlocks: {
          ...unlocked,
          ...(features !== undefined && { features: features.map((f) => (typeof f === 'string' ? f : { ...f, label: text(f.label) })) }),
          ...(message !== undefined && { message: text(message) }),
        },
      }
    }),
    badges: program.badges.map((badge) => {
      const { title, description, ...rest } = badge
      return { ...rest, title: text(title), ...(description !== undefined && { description: text(description) }) }
    }),
    ...(signals !== undefined && {
      signals: signals.map((signal) => {
        const { title, cta, ...rest } = signal
        return { ...rest, title: text(title), ...(cta !== undefined && { cta: { ...cta, label: text(cta.label) } }) }
      }),
    }),
  }
}

/**
 * Every locale a program writes text in, in order of first appearance (empty when all text is plain).
 * The server negotiates `Accept-Language` against this list.
 */
export function programLocales(program: LocalizedProgram): string[] {
  const found = new Set<string>()
  const collect = (value: LocalizedText | undefined) => {
    if (value !== undefined && typeof value !== 'string') for (const key of Object.keys(value)) found.add(key)
  }
  collect(program.title)
  for (const m of program.milestones) [m.title, m.doneTitle, m.description, m.cta?.label].forEach(collect)
  for (const l of program.levels) [l.title, l.unlocks?.message, ...(l.unlocks?.features ?? []).map((f) => (typeof f === 'string' ? undefined : f.label))].forEach(collect)
  for (const b of program.badges) [b.title, b.description].forEach(collect)
  for (const s of program.signals ?? []) [s.title, s.cta?.label].forEach(collect)
  return [...found]
}
