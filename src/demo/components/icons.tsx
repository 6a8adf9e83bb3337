// Inline icons (no icon font): 20×20 strokes that inherit the text colour. Decorative, so hidden from AT.

const paths = {
  projects: 'M3 5.5A1.5 1.5 0 0 1 4.5 4h4l1.5 2h5.5A1.5 1.5 0 0 1 17 7.5v7a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 3 14.5z',
  team: 'M7 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm-5 8c0-3 2.2-5 5-5s5 2 5 5M14 9.5a2.5 2.5 0 1 0 0-5M15 12c1.8.4 3 2 3 5',
  automations: 'M11 2 4 11h5l-1 7 7-9h-5z',
  reports: 'M4 16V9m5 7V4m5 12v-5m3 5H3',
  integrations: 'M8 4v4m4-4v4M6 8h8v3a4 4 0 0 1-8 0zm4 7v3',
  insights: 'M3 16h14M5 13l3-4 3 2 4-6',
  check: 'm5 10.5 3 3 7-7',
  plus: 'M10 4v12M4 10h12',
  reset: 'M4 10a6 6 0 1 0 2-4.5M4 3v3.5h3.5',
  calendar: 'M4 6h12v10H4zM4 9h12M7 4v3m6-3v3',
  menu: 'M3 6h14M3 10h14M3 14h14',
} as const

export type IconName = keyof typeof paths

/** A small stroke icon; purely decorative (the button or link beside it carries the name). */
export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={paths[name]} />
    </svg>
  )
}
