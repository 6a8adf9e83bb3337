import { execFile } from 'node:child_process'

export interface RunResult {
  code: number
  output: string
}

/** Runs a command to its end; never throws, so a test can show the output of what failed. */
export function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    // NODE_ENV=test (set by Vitest) would change what npm installs and what Vite builds.
    const { NODE_ENV: _, ...inherited } = process.env
    execFile(command, args, { cwd, env: { ...inherited, ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ code, output: `${stdout}${stderr}`.trim() })
    })
  })
}

/** `run`, failing with the command's output when it does not succeed. */
export async function mustRun(command: string, args: readonly string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<string> {
  const result = await run(command, args, cwd, env)
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited with ${result.code}:\n${result.output}`)
  return result.output
}
