// Run the built CLI under a real pseudo-terminal (util-linux `script`), typing each answer once its
// question has appeared, the way a person at the keyboard does (Enter sends `\r`).
import {spawn} from 'node:child_process'
import {binPath} from './cli.js'

// Spawn `runbook ...args` on a pty; each answer is `[text shown, text typed]` (a plain string answers
// the next `[y/N]`). Resolves with everything the terminal showed and the exit code.
export function runOnPty(args: string[], answers: Array<string | [string, string]>, options: {cwd: string; env?: Record<string, string>}): Promise<{code: number | null; output: string}> {
  const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`
  const command = [process.execPath, binPath, ...args].map(quote).join(' ')
  const child = spawn('script', ['-qec', command, '/dev/null'], {cwd: options.cwd, env: {...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', CI: '', ...options.env}, stdio: ['pipe', 'pipe', 'pipe']})
  let output = ''
  let asked = 0
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk
    while (asked < answers.length) {
      const answer = answers[asked]!
      const [shown, typed] = typeof answer === 'string' ? ['[y/N]', answer] : answer
      const seen = output.split(shown).length - 1
      const before = answers.slice(0, asked).filter((a) => (typeof a === 'string' ? '[y/N]' : a[0]) === shown).length
      if (seen <= before) break
      child.stdin.write(`${typed}\r`)
      asked++
    }
  })
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({code, output})
    })
  })
}
