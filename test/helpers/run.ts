// Helpers for executor tests through the CLI: a runbook in a temp folder, JSON events, leak checks.
import {spawn} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {binPath, runCli, type CliRun} from './cli.js'

// A temp folder holding `runbook.md`; removed by `cleanup()`.
export function runbookDir(markdown: string, files: Record<string, string> = {}): {dir: string; file: string; cleanup: () => void} {
  const dir = mkdtempSync(path.join(tmpdir(), 'runbook-test-'))
  const file = path.join(dir, 'runbook.md')
  writeFileSync(file, markdown)
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
  return {dir, file, cleanup: () => rmSync(dir, {recursive: true, force: true})}
}

// A unique marker to put in command lines, so leak checks find exactly our processes.
export function marker(name: string): string {
  return `rbmark_${name}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
}

// Pids of live processes whose command line contains `text` (never by process name).
export function processesWith(text: string): number[] {
  const found: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8')
      const state = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.[0]
      if (cmdline.includes(text) && state !== 'Z') found.push(Number(entry))
    } catch {
      // gone
    }
  }
  return found
}

// Kill leftovers of a failed test (only ours: found by marker).
export function killMarked(text: string): void {
  for (const pid of processesWith(text)) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // gone
    }
  }
}

// Run `runbook run FILE --reporter json ...args` and parse its event lines.
export async function runJson(file: string, args: string[] = [], options: Parameters<typeof runCli>[1] = {}): Promise<CliRun & {events: Array<Record<string, any>>; results: Map<string, Record<string, any>>}> {
  const run = await runCli(['run', file, '--reporter', 'json', ...args], {cwd: path.dirname(file), ...options})
  const events: Array<Record<string, any>> = []
  for (const line of run.stdout.split('\n')) {
    if (!line.startsWith('{')) continue
    try {
      events.push(JSON.parse(line))
    } catch {
      // not an event line
    }
  }
  const results = new Map<string, Record<string, any>>()
  for (const event of events) if (event['type'] === 'step:end') results.set(event['stepId'], event['result'])
  return {...run, events, results}
}

// Start the CLI and return the child, for signal tests.
export function startCli(args: string[], options: {cwd: string; env?: Record<string, string>}) {
  const child = spawn(process.execPath, [binPath, ...args], {
    cwd: options.cwd,
    env: {...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', CI: '', ...options.env},
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const done = new Promise<{code: number | null; stdout: string; stderr: string}>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({code, stdout, stderr})
    })
  })
  return {child, done, output: () => stdout}
}

// Resolve once `check()` is true, or fail after `timeoutMs`.
export async function waitFor(check: () => boolean, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

// A fenced block: the info string `head` (```bash {#id}), the lines, the closing fence.
export function fenceBlock(head: string, ...lines: string[]): string {
  return ['```' + head, ...lines, '```', ''].join('\n')
}
