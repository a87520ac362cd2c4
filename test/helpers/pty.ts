// Run the built CLI under a real pseudo-terminal (util-linux `script`), answering each `[y/N]`
// question as it appears, the way a person at the keyboard does (Enter sends `\r`).
import {spawn} from 'node:child_process'
import {binPath} from './cli.js'

// Spawn `runbook ...args` on a pty; resolves with everything the terminal showed and the exit code.
export function runOnPty(args: string[], answers: string[], options: {cwd: string; env?: Record<string, string>}): Promise<{code: number | null; output: string}> {
  const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`
  const command = [process.execPath, binPath, ...args].map(quote).join(' ')
  const child = spawn('script', ['-qec', command, '/dev/null'], {cwd: options.cwd, env: {...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', CI: '', ...options.env}, stdio: ['pipe', 'pipe', 'pipe']})
  let output = ''
  let asked = 0
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk
    const questions = output.split('[y/N]').length - 1
    while (asked < questions && asked < answers.length) child.stdin.write(`${answers[asked++]}\r`)
  })
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({code, output})
    })
  })
}
