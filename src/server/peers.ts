// The server's packages are optional peer dependencies of `cairn` (a browser-only app installs none of them);
// this is where a host that lacks one is told, in one sentence, what to install.

/** What every use of `cairn/server` loads. */
export const SERVER_PACKAGES = ['hono', '@hono/node-server', 'jose'] as const
/** The embedded database (no `databaseUrl` / `DATABASE_URL`). */
export const PGLITE_PACKAGE = '@electric-sql/pglite'
/** The Postgres driver (with `databaseUrl` / `DATABASE_URL`). */
export const POSTGRES_PACKAGE = 'pg'

/** A package the server needs is not installed; `message` names it and the command that installs it. */
export class MissingPackageError extends Error {
  override readonly name = 'MissingPackageError'
  constructor(
    /** The packages to install. */
    readonly packages: readonly string[],
    purpose: string,
  ) {
    super(
      `Cairn: ${purpose} needs ${listed(packages)}, not installed here (the server's packages are optional peer ` +
        `dependencies of cairn, so a browser-only app stays small). Install with: npm install ${packages.join(' ')}`,
    )
  }
}

function listed(names: readonly string[]): string {
  return names.length < 2 ? `${names[0]}` : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

/** True when `error` is Node's "Cannot find package" for `name` (or one of its subpaths). */
function isMissing(error: unknown, name: string): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return error instanceof Error && code === 'ERR_MODULE_NOT_FOUND' && error.message.includes(`'${name}'`)
}

/**
 * Runs `load` (a dynamic import). When it fails because some of `packages` are not installed, throws one
 * `MissingPackageError` naming every one of them that is missing, not just the first Node stumbled on.
 */
export async function importWithPeers<T>(load: () => Promise<T>, packages: readonly string[], purpose: string): Promise<T> {
  try {
    return await load()
  } catch (error) {
    if (!packages.some((name) => isMissing(error, name))) throw error
    const missing = await Promise.all(packages.map((name) => import(name).then(() => undefined, (e: unknown) => (isMissing(e, name) ? name : undefined))))
    throw new MissingPackageError(missing.filter((name) => name !== undefined), purpose)
  }
}
