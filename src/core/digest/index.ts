export { buildDigest, digestPeriodStart, DIGEST_PERIOD_DAYS, type BuildDigestInput, type DigestPeriod } from './build-digest'
export { digestWeekEnd } from './digest-week'
