import { describe, expect, it } from 'vitest'
import { en } from '../../src/react'
import { de } from '../../src/react/i18n/de'
import { getFormatters } from '../../src/react/i18n'
import { enAnnounceMessages } from '../../src/react/i18n/en-announce'
import { enBenchmarkMessages } from '../../src/react/i18n/en-benchmarks'
import { enDigestMessages } from '../../src/react/i18n/en-digest'
import { enFirstLoad, LAZY_MESSAGE_COUNT } from '../../src/react/i18n/en'
import { enNudgeMessages } from '../../src/react/i18n/en-nudge'

describe('messages', () => {
  it('German covers every English string', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort())
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(typeof de[key]).toBe(typeof en[key])
  })

  it('splits English into the first load and the lazy parts without losing or repeating a string', () => {
    const parts = [enFirstLoad, enBenchmarkMessages, enNudgeMessages, enDigestMessages, enAnnounceMessages].flatMap((part) => Object.keys(part))
    expect(parts.sort()).toEqual(Object.keys(en).sort())
    expect(Object.keys(en).length - Object.keys(enFirstLoad).length).toBe(LAZY_MESSAGE_COUNT)
  })

  it('uses plural rules and locale number formats', () => {
    const f = getFormatters('de-DE')
    expect(de.benchmarkStage(1, 1, f)).toContain('meist 1 Schritt erledigt')
    expect(de.benchmarkStage(2, 2, f)).toContain('meist 2 Schritte erledigt')
    expect(de.benchmarkStage(1200, 3, f)).toContain('1.200')
    expect(en.benchmarkStage(2, 2, getFormatters('en'))).toContain('typically completed 2 steps')
  })

  it('writes durations and relative days through Intl', () => {
    expect(en.valueSaved(480, getFormatters('en'))).toBe("You've saved 8 hours")
    expect(en.valueSaved(45, getFormatters('en'))).toBe("You've saved 45 minutes")
    expect(de.valueSaved(60, getFormatters('de'))).toBe('Du hast 1 Stunde gespart')
    expect(en.dueBy(getFormatters('en').relativeDays(3))).toBe('Due in 3 days')
    expect(de.dueBy(getFormatters('de').relativeDays(1))).toBe('Fällig morgen')
  })
})
