import { enAnnounceMessages } from './en-announce'
import { enBenchmarkMessages } from './en-benchmarks'
import { enDigestMessages } from './en-digest'
import { enFirstLoad } from './en'
import { enNudgeMessages } from './en-nudge'
import type { CairnMessages } from './types'

/** English (default): every widget string, for hosts that build their own table on it. */
export const en: CairnMessages = { ...enFirstLoad, ...enBenchmarkMessages, ...enNudgeMessages, ...enDigestMessages, ...enAnnounceMessages }
