/** Locale-aware formatting every message and component goes through, so numbers and dates never hard-code English. */
export interface Formatters {
  /** BCP 47 tag the formatters were built for, e.g. `de-DE`. */
  readonly locale: string
  number(value: number): string
  /** Plural category of `count` in this locale (`one`, `other`, …). */
  plural(count: number): Intl.LDMLPluralRule
  /** A calendar date such as "Nov 3, 2026" / "3. Nov. 2026". */
  date(iso: string): string
  /** "in 3 days", "yesterday", "tomorrow": a whole number of days from now (negative = past). */
  relativeDays(days: number): string
  /** An amount of money, e.g. "$480". */
  money(amount: number, currency: string): string
  /**
   * "8 hours", "1 hour 12 minutes", "45 minutes": exact to the minute, so a duration never disagrees with an
   * amount of money computed from the same minutes.
   */
  duration(minutes: number): string
}

/** Minutes in an hour: durations read "1 hour 12 minutes", never a rounded "1 hour" next to $72. */
const MINUTES_PER_HOUR = 60

// Intl constructors are costly (tens of µs each); a widget re-renders often, so one set per locale is kept.
const cache = new Map<string, Formatters>()

/** The formatters for `locale`, created once per locale. */
export function getFormatters(locale: string): Formatters {
  let formatters = cache.get(locale)
  if (!formatters) {
    formatters = createFormatters(locale)
    cache.set(locale, formatters)
  }
  return formatters
}

function createFormatters(locale: string): Formatters {
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
  const plurals = new Intl.PluralRules(locale)
  // UTC keeps server and client renders identical (no hydration mismatch near midnight).
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  const unit = (name: 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long', maximumFractionDigits: 0 })
  const hours = unit('hour')
  const minutes = unit('minute')
  const parts = new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' })
  return {
    locale,
    number: (value) => numbers.format(value),
    plural: (count) => plurals.select(count),
    date: (iso) => dates.format(new Date(iso)),
    relativeDays: (days) => relative.format(days, 'day'),
    money: (amount, currency) =>
      new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount),
    duration: (total) => {
      const whole = Math.max(0, Math.round(total))
      const h = Math.floor(whole / MINUTES_PER_HOUR)
      const m = whole % MINUTES_PER_HOUR
      if (h === 0) return minutes.format(m)
      return m === 0 ? hours.format(h) : parts.format([hours.format(h), minutes.format(m)])
    },
  }
}
