// Run the built CLI on a real pseudo-terminal (util-linux `script`), answering prompts as a user types.
import {spawn, spawnSync} from 'node:child_process'
import {binPath} from './cli.js'

export interface PtyRun {
  code: number | null
  output: string // everything the terminal showed: stdout, stderr and the echoed keystrokes
}

// The argv quoted for `sh -c`.
function shellQuote(words: string[]): string {
  return words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ')
}

// True when util-linux `script` is installed (the tests fail, never skip, without it).
export function hasScript(): boolean {
  return spawnSync('script', ['--version'], {encoding: 'utf8'}).status === 0
}

// Run `runbook ...args` under `script` and type each answer once the terminal shows its cue.
export function runOnPty(
  args: string[],
  answers: Array<{after: string; type: string}>,
  options: {cwd?: string; env?: Record<string, string | undefined>; timeoutMs?: number} = {},
): Promise<PtyRun> {
  return new Promise((resolve, reject) => {
    const command = shellQuote([process.execPath, binPath, ...args])
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: options.cwd,
      env: {...process.env, NO_COLOR: '1', CI: '', GITHUB_ACTIONS: '', TERM: 'dumb', ...options.env},
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let output = ''
    let seenUpTo = 0
    const pending = [...answers]
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk
      // Type the next answer only after its cue appears in output not yet used by an earlier cue.
      while (pending.length > 0) {
        const at = output.indexOf(pending[0]!.after, seenUpTo)
        if (at === -1) break
        seenUpTo = at + pending[0]!.after.length
        child.stdin.write(pending.shift()!.type)
      }
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      child.stdin.destroy()
      resolve({code, output})
    })
  })
}
