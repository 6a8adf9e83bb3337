import type { Digest } from '../../core'
import { arr, iso, num, obj, oneOf, opt, str, type Check } from './check'
import { nextStep } from './progress'

/** `GET /v1/me/digest`: every field of core's DigestSchema. */
export const digestCheck: Check<Digest> = obj({
  period: oneOf(['week', 'month']),
  from: iso,
  to: iso,
  achieved: arr(obj({ milestoneId: str, title: str, doneTitle: opt(str), achievedAt: iso })),
  badges: arr(obj({ id: str, title: str, earnedAt: iso })),
  levelsCompleted: arr(obj({ id: str, title: str })),
  minutesSaved: opt(num),
  nextStep: opt(nextStep),
})
