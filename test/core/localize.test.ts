import { describe, expect, it } from 'vitest'
import {
  demoProgramSource,
  evaluate,
  localizeProgram,
  localizeProgress,
  localizeText,
  matchLocale,
  parseProgram,
  programLocales,
  type LocalizedProgram,
  type MeProgress,
} from '../../src/core'

const source = (): LocalizedProgram => ({
  id: 'p',
  version: '1',
  title: { en: 'Welcome', de: 'Willkommen', 'pt-BR': 'Bem-vindo' },
  milestones: [
    {
      id: 'first',
      title: { de: 'Erstes Projekt', en: 'First project' },
      description: 'Plain text for every locale',
      category: 'onboarding',
      criterion: { kind: 'count', event: 'project_created', atLeast: 1 },
      cta: { label: { en: 'Create', de: 'Anlegen' }, href: '/new' },
    },
    { id: 'second', title: 'Second', category: 'habit', criterion: { kind: 'count', event: 'x', atLeast: 2 } },
  ],
  levels: [{ id: 'l1', title: { en: 'Start', de: 'Start DE' }, milestones: ['first'], unlocks: { badge: 'b', message: { en: 'Unlocked', de: 'Freigeschaltet' } } }],
  badges: [{ id: 'b', title: { fr: 'Organisé', de: 'Organisiert' }, description: { en: 'Tidy', de: 'Ordentlich' } }],
})

describe('matchLocale', () => {
  it('finds the exact tag, ignoring case', () => {
    expect(matchLocale(['en', 'pt-BR'], 'pt-br')).toBe('pt-BR')
  })
  it('drops subtags from the end until a tag matches (de-AT → de)', () => {
    expect(matchLocale(['en', 'de'], 'de-AT')).toBe('de')
    expect(matchLocale(['zh-Hant', 'zh'], 'zh-Hant-TW')).toBe('zh-Hant')
  })
  it('falls back to any tag of the same language (de → de-DE)', () => {
    expect(matchLocale(['en', 'de-DE'], 'de')).toBe('de-DE')
  })
  it('finds nothing for another language or no request', () => {
    expect(matchLocale(['en', 'de'], 'fr')).toBeUndefined()
    expect(matchLocale(['en', 'de'], undefined)).toBeUndefined()
  })
})

describe('localizeText', () => {
  it('keeps a plain string for every locale', () => {
    expect(localizeText('Same', 'de')).toBe('Same')
  })
  it('falls back from the locale to its language, then English, then the first entry', () => {
    expect(localizeText({ en: 'Hi', de: 'Hallo' }, 'de-CH')).toBe('Hallo')
    expect(localizeText({ de: 'Hallo', en: 'Hi' }, 'fr')).toBe('Hi')
    expect(localizeText({ de: 'Hallo', fr: 'Salut' }, 'ja')).toBe('Hallo')
    expect(localizeText({ de: 'Hallo', en: 'Hi' }, undefined)).toBe('Hi')
  })
})

describe('localizeProgram', () => {
  it('resolves every title, description, CTA label and unlock message to the locale', () => {
    const de = localizeProgram(source(), 'de')
    expect(de.title).toBe('Willkommen')
    expect(de.milestones[0]).toMatchObject({ title: 'Erstes Projekt', description: 'Plain text for every locale', cta: { label: 'Anlegen', href: '/new' } })
    expect(de.milestones[1]?.title).toBe('Second')
    expect(de.levels[0]?.title).toBe('Start DE')
    expect(de.levels[0]?.unlocks).toEqual({ badge: 'b', message: 'Freigeschaltet' })
    expect(de.badges[0]).toMatchObject({ title: 'Organisiert', description: 'Ordentlich' })
  })

  it('resolves labelled feature unlocks and leaves bare feature ids alone (DESIGN §7.9)', () => {
    const de = localizeProgram(demoProgramSource, 'de')
    expect(de.levels[0]?.unlocks?.features).toEqual([{ id: 'templates', label: 'Projektvorlagen' }])
    const plain = { ...demoProgramSource, levels: [{ id: 'one', title: 'One', milestones: [], unlocks: { features: ['flag'] } }] }
    expect(localizeProgram(plain, 'de').levels[0]?.unlocks?.features).toEqual(['flag'])
  })

  it('resolves signal titles and CTA labels like milestone text (DESIGN §7.7)', () => {
    const program: LocalizedProgram = {
      ...source(),
      signals: [
        {
          id: 'quiet',
          title: { en: 'Went quiet', de: 'Länger nicht aktiv', sv: 'Tyst' },
          criterion: { kind: 'inactive', days: 14 },
          cta: { label: { en: 'Pick up', de: 'Weitermachen' }, href: '/tasks' },
        },
        { id: 'stuck', title: 'Stuck', criterion: { kind: 'stalled', days: 30 } },
      ],
    }
    expect(localizeProgram(program, 'de').signals).toEqual([
      { id: 'quiet', title: 'Länger nicht aktiv', criterion: { kind: 'inactive', days: 14 }, cta: { label: 'Weitermachen', href: '/tasks' } },
      { id: 'stuck', title: 'Stuck', criterion: { kind: 'stalled', days: 30 } },
    ])
    expect(localizeProgram(program).signals?.[0]).toMatchObject({ title: 'Went quiet', cta: { label: 'Pick up' } })
    expect(programLocales(program)).toContain('sv')
    expect(localizeProgram(demoProgramSource, 'de').signals?.map((signal) => signal.title)).toEqual([
      'Länger nicht aktiv',
      'Erledigt weniger Aufgaben',
      'Seit 30 Tagen kein neuer Meilenstein',
    ])
  })

  it('uses English, else the first written locale, for a locale the program lacks', () => {
    const ja = localizeProgram(source(), 'ja')
    expect(ja.title).toBe('Welcome')
    expect(ja.badges[0]?.title).toBe('Organisé')
  })

  it('leaves a program without locale maps equal to itself, and keeps every other field', () => {
    const plain = localizeProgram(source(), 'en')
    expect(localizeProgram(plain, 'de')).toEqual(plain)
    expect(plain.milestones[0]?.criterion).toEqual({ kind: 'count', event: 'project_created', atLeast: 1 })
  })

  it('lists the locales a program is written in', () => {
    expect(programLocales(source())).toEqual(['en', 'de', 'pt-BR', 'fr'])
    expect(programLocales(localizeProgram(source()))).toEqual([])
  })
})

describe('parseProgram with per-locale text', () => {
  it('accepts locale maps and returns the program in English plus the source as written', () => {
    const parsed = parseProgram(source())
    expect(parsed.ok && parsed.program.milestones[0]?.title).toBe('First project')
    expect(parsed.ok && parsed.source).toEqual(source())
  })

  // A loosely typed copy, so a test can write what a careless author would.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Draft = any
  const errorsOf = (change: (p: Draft) => void) => {
    const program: Draft = structuredClone(source())
    change(program)
    const parsed = parseProgram(program)
    return parsed.ok ? [] : parsed.errors
  }

  it('points at an empty translation', () => {
    expect(errorsOf((p) => (p.milestones[0].title = { en: 'x', de: '' }))).toEqual([{ path: 'milestones[0].title.de', message: 'must be a non-empty string' }])
  })
  it('points at a key that is not a locale tag', () => {
    expect(errorsOf((p) => (p.levels[0].unlocks.message = { en: 'x', de_DE: 'y' }))).toEqual([
      { path: 'levels[0].unlocks.message.de_DE', message: 'is not a locale tag such as "en", "de" or "pt-BR"' },
    ])
  })
  it('points at a translation that is not text', () => {
    expect(errorsOf((p) => (p.milestones[0].cta.label = { en: 5 }))).toEqual([{ path: 'milestones[0].cta.label.en', message: 'must be a string' }])
  })
  it('refuses an empty map and a value that is neither text nor a map', () => {
    expect(errorsOf((p) => (p.badges[0].title = {}))).toEqual([{ path: 'badges[0].title', message: 'must name at least one locale' }])
    expect(errorsOf((p) => (p.title = ['Welcome']))).toEqual([
      { path: 'title', message: 'must be text or a map from locale to text, such as { "en": "…", "de": "…" }' },
    ])
  })
})

describe('localizeProgress', () => {
  it('re-reads next-step and celebration text from the program in another locale, and nothing else', () => {
    const english = localizeProgram(demoProgramSource, 'en')
    const german = localizeProgram(demoProgramSource, 'de')
    const subject = { userId: 'u', signedUpAt: '2026-01-01T00:00:00Z' }
    const progress = evaluate(english, [], { now: '2026-01-02T00:00:00Z', subject })
    const me: MeProgress = {
      ...progress,
      celebrations: [
        { id: 'level:getting-started', kind: 'level', refId: 'getting-started', title: 'Getting started', style: 'confetti', priority: 0, achievedAt: '2026-01-02T00:00:00Z', message: 'old' },
        { id: 'badge:gone', kind: 'badge', refId: 'gone', title: 'Removed badge', style: 'toast', priority: 0, achievedAt: '2026-01-02T00:00:00Z' },
      ],
    }
    const localized = localizeProgress(me, german)
    const step = localized.nextSteps[0]
    const milestone = german.milestones.find((m) => m.id === step?.milestoneId)
    expect(step?.title).toBe(milestone?.title)
    expect(step?.cta?.label).toBe(milestone?.cta?.label)
    expect(step?.cta?.href).toBe(milestone?.cta?.href)
    expect(localized.celebrations[0]).toMatchObject({ title: 'Erste Schritte', message: german.levels[0]?.unlocks?.message })
    expect(localized.celebrations[1]?.title).toBe('Removed badge')
    expect({ ...localized, nextSteps: [], celebrations: [] }).toEqual({ ...me, nextSteps: [], celebrations: [] })
  })
})
