import * as z from 'zod/mini'
import { MILESTONE_STATES } from './progress'

const ids = z.array(z.string())

/** Ids of the parts (milestones, levels or badges) one version added, removed and changed against the one before. */
export const ChangeSetSchema = z.object({ added: ids, removed: ids, changed: ids })

/** A version's change summary against the version published before it (the first one: everything added). */
export const ProgramDiffSchema = z.object({ milestones: ChangeSetSchema, levels: ChangeSetSchema, badges: ChangeSetSchema })

/** One entry of `GET /v1/program/versions`. */
export const ProgramVersionSchema = z.object({
  version: z.string(),
  publishedAt: z.string(),
  /** The label of the credential that published it (`CAIRN_API_KEY_LABEL`), or how it arrived (`CAIRN_PROGRAM file`). */
  publishedBy: z.string(),
  active: z.boolean(),
  summary: ProgramDiffSchema,
})
export type ProgramVersion = z.infer<typeof ProgramVersionSchema>

/** `GET /v1/program/versions`: newest first. */
export const ProgramVersionsSchema = z.object({ active: z.string(), versions: z.array(ProgramVersionSchema) })
export type ProgramVersions = z.infer<typeof ProgramVersionsSchema>

/** `PUT /v1/program` (201, or 200 when this exact version was already published) and the activate route. */
export const PublishedVersionSchema = z.object({ version: z.string(), active: z.boolean() })

const stateCounts = z.partialRecord(z.enum(MILESTONE_STATES), z.number())

/**
 * `POST /v1/program/preview`: what publishing a program would do to today's subjects, computed without writing.
 * Per milestone of either version: how many subjects are in each state now (`before`) and would be (`after`),
 * how many would change state, and how many would newly achieve it (each gets one calm toast).
 */
export const ProgramPreviewSchema = z.object({
  version: z.string(),
  activeVersion: z.string(),
  evaluatedAt: z.string(),
  subjects: z.number(),
  summary: ProgramDiffSchema,
  milestones: z.record(
    z.string(),
    z.object({ before: stateCounts, after: stateCounts, changed: z.number(), newlyAchieved: z.number() }),
  ),
})
export type ProgramPreview = z.infer<typeof ProgramPreviewSchema>
