// The optional first name on a public share page (DESIGN §7.5): checked the same way by the API and the widget,
// so the widget can say what is wrong in the user's language before anything is sent.

/** The longest first name a share page shows. */
export const MAX_FIRST_NAME_LENGTH = 40

/** Letters (any script) with spaces, hyphens, apostrophes and dots between: a name, never a link or markup. */
const FIRST_NAME_PATTERN = /^\p{L}[\p{L}\p{M} .'’-]*$/u

/** True for a blank name (none) or a name a share page may show; `name` is trimmed and NFC-normalised first. */
export function isShareFirstName(name: string): boolean {
  const trimmed = name.trim().normalize('NFC')
  return trimmed === '' || (trimmed.length <= MAX_FIRST_NAME_LENGTH && FIRST_NAME_PATTERN.test(trimmed))
}
