import type { Criterion, Milestone } from '../../core'

/** Who the widget is showing progress for; only used to enrich analytics events. */
export interface CairnSubject {
  userId: string
  accountId?: string
  /** ISO 8601; needed for `days_since_signup`. */
  signedUpAt?: string
}

/** Properties of each analytics event `onEvent` receives, keyed by event name. */
export interface CairnAnalyticsEvents {
  widget_viewed: { user_id: string | null; account_id: string | null; timestamp: string }
  cta_clicked: { milestone_id: string; href: string; placement: 'milestone' | 'next_step' | 'celebration'; timestamp: string }
  milestone_achieved: {
    milestone_id: string
    /** The criterion kind: count, sum, distinct, days, streak, all, any. */
    milestone_type: Criterion['kind']
    milestone_category: Milestone['category']
    days_since_signup: number | null
    user_id: string | null
    account_id: string | null
    /** When the milestone was achieved (ISO 8601). */
    timestamp: string
  }
  celebration_shown: { celebration_id: string; kind: string; style: string; timestamp: string }
  celebration_dismissed: { celebration_id: string; kind: string; timestamp: string }
  /** Once per provider and user: the server placed this user in the experiment's holdout, so the widget shows nothing. */
  holdout_assigned: { experiment_id: string | null; user_id: string | null; account_id: string | null; timestamp: string }
}

export type CairnAnalyticsEventName = keyof CairnAnalyticsEvents

/** Shaped like `analytics.track(name, properties)` so Segment, PostHog or Mixpanel plug straight in. */
export type CairnAnalyticsHandler = <Name extends CairnAnalyticsEventName>(
  name: Name,
  properties: CairnAnalyticsEvents[Name],
) => void
