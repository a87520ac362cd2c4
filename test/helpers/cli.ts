// Run the built CLI as a user would: a real child process, with its output and exit code.
import {spawn} from 'node:child_process'
import path from 'node:path'
import {repoPath} from './paths.js'

export const binPath = repoPath('dist/bin/runbook.js')
// The `runbook` command itself (package.json `bin`: bin/runbook.sh, which starts `node` from PATH).
export const commandPath = repoPath('dist/bin/runbook')

// The environment of the command: PATH starts with this Node's folder, so that the command runs on
// the Node the tests run on (the CI matrix runs them on 22 and 24 too).
export function commandEnv(env: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', ...env, PATH: `${path.dirname(process.execPath)}:${env['PATH'] ?? process.env['PATH'] ?? ''}`}
}

export interface CliRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

// Spawn `runbook ...args`, through the command a user runs, and resolve when it exits (killed after
// `timeoutMs` so a test never hangs).
export function runCli(
  args: string[],
  options: {cwd?: string; env?: Record<string, string | undefined>; input?: string; timeoutMs?: number} = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(commandPath, args, {
      cwd: options.cwd,
      env: commandEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({code, signal, stdout, stderr})
    })
    // A CLI may stop reading early (a size cap, an exit): its closed stdin is not the test's failure.
    child.stdin.on('error', () => {})
    child.stdin.end(options.input ?? '')
  })
}
