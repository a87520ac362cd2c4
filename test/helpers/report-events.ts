// Realistic event sequences for reporter tests: what the executor emits for passes, failures with diffs,
// HTTP failures, timeouts, retries, skipped and not-run steps, and interrupted runs.
import {Writable} from 'node:stream'
import type {PlannedStep, RunEvent} from '../../lib/events.js'
import type {CapturedOutput, HttpCheckResult, RunResult, StepResult, StepStatus} from '../../lib/result.js'

export interface StepSpec {
  id: string
  status: StepStatus
  line: number
  runner?: PlannedStep['runner']
  kind?: PlannedStep['kind']
  output?: string // stdout printed while running
  stderr?: string
  durationMs?: number
  attempts?: number // > 1 emits step:retry events
  exitCode?: number | null
  reason?: string
  diff?: string
  checks?: HttpCheckResult[]
  allowedFailure?: boolean
}

// Captured output as the executor keeps it.
export function captured(text: string): CapturedOutput {
  return {head: text, tail: '', omittedLines: 0, totalBytes: Buffer.byteLength(text), text}
}

// The StepResult the executor would report for a spec.
export function stepResult(spec: StepSpec): StepResult {
  const ran = spec.status !== 'skipped' && spec.status !== 'not-run' && spec.status !== 'manual'
  return {
    id: spec.id,
    status: spec.status,
    exitCode: spec.exitCode === undefined ? (spec.status === 'passed' ? 0 : ran ? 1 : null) : spec.exitCode,
    attempts: ran ? (spec.attempts ?? 1) : 0,
    durationMs: ran ? (spec.durationMs ?? 1200) : 0,
    ...(ran ? {startedAt: '2026-11-23T10:00:00.000Z'} : {}),
    stdout: captured(spec.output ?? ''),
    stderr: captured(spec.stderr ?? ''),
    ...(spec.reason ? {reason: spec.reason} : {}),
    expectationFailures: spec.diff ? [{index: 0, message: 'line 2: expected "ready", got "starting"', diff: spec.diff, actual: spec.output ?? ''}] : [],
    checks: spec.checks ?? [],
    captures: {},
    command: `echo ${spec.id}`,
    ...(spec.allowedFailure ? {allowedFailure: true} : {}),
  }
}

// The whole event sequence of a run of these steps, in the order the executor emits them.
export function runEvents(
  steps: StepSpec[],
  options: {runbook?: string; interrupted?: 'SIGINT' | 'SIGTERM'; stopAfter?: number} = {},
): RunEvent[] {
  const runbook = options.runbook ?? 'deploy.md'
  let at = Date.now()
  const tick = (ms = 5) => (at += ms)
  const planned: PlannedStep[] = steps.map((s, i) => ({id: s.id, runner: s.runner ?? 'shell', line: s.line, needs: i ? [steps[i - 1]!.id] : [], kind: s.kind ?? 'step'}))
  const events: RunEvent[] = [{type: 'run:start', at, runbook, runId: 'run-1234', steps: planned, dryRun: false}]
  const results: StepResult[] = []
  steps.forEach((spec, index) => {
    const result = stepResult(spec)
    results.push(result)
    if (options.stopAfter !== undefined && index >= options.stopAfter) return
    const ran = result.attempts > 0
    if (ran) {
      events.push({type: 'step:start', at: tick(), stepId: spec.id, attempt: 1, command: result.command})
      for (let attempt = 2; attempt <= result.attempts; attempt++) {
        events.push({type: 'step:output', at: tick(), stepId: spec.id, stream: 'stdout', chunk: `attempt ${attempt - 1}: not yet\n`})
        // `attempt` of step:retry is the attempt that failed, as the executor emits it.
        events.push({type: 'step:retry', at: tick(), stepId: spec.id, attempt: attempt - 1, reason: 'exit code 1 (expected 0)', delayMs: 1000})
        events.push({type: 'step:start', at: tick(), stepId: spec.id, attempt, command: result.command})
      }
      if (spec.output) events.push({type: 'step:output', at: tick(), stepId: spec.id, stream: 'stdout', chunk: spec.output})
      if (spec.stderr) events.push({type: 'step:output', at: tick(), stepId: spec.id, stream: 'stderr', chunk: spec.stderr})
      for (const check of result.checks) events.push({type: 'check', at: tick(), stepId: spec.id, check})
    }
    events.push({type: 'step:end', at: tick(result.durationMs), stepId: spec.id, result})
  })
  const ok = results.every((r) => r.allowedFailure || !['failed', 'timed-out', 'interrupted'].includes(r.status)) && !options.interrupted
  const result: RunResult = {
    runbook,
    runId: 'run-1234',
    ok,
    ...(options.interrupted ? {interrupted: options.interrupted} : {}),
    startedAt: '2026-11-23T10:00:00.000Z',
    finishedAt: '2026-11-23T10:00:09.000Z',
    durationMs: 9000,
    steps: results,
    host: 'ci-runner',
    version: '0.1.0',
  }
  events.push({type: 'run:end', at: tick(), result})
  return events
}

// An HTTP check that got the wrong status.
export function failedCheck(overrides: Partial<HttpCheckResult> = {}): HttpCheckResult {
  return {
    stepId: 'health',
    method: 'GET',
    url: 'http://127.0.0.1:8080/health',
    ok: false,
    status: 503,
    latencyMs: 12,
    headers: {'content-type': 'application/json', 'retry-after': '5'},
    bodyStart: '{"status":"starting","db":"down"}',
    failures: ['status: expected 200, got 503'],
    ...overrides,
  }
}

// The mixed run most tests use: 3 passed (one after retries), 1 failed with a diff, 1 HTTP failure,
// 1 timed out, 1 skipped, 1 not run, 1 allowed failure.
export const mixedRun: StepSpec[] = [
  {id: 'install', status: 'passed', line: 8, output: 'added 12 packages\n', durationMs: 850},
  {id: 'wait-db', status: 'passed', line: 14, attempts: 3, output: 'accepting connections\n'},
  {id: 'migrate', status: 'failed', line: 20, output: 'migrating\nstarting\n', exitCode: 0, reason: 'output did not match the expectation', diff: '--- expected\n+++ actual\n@@ -1,2 +1,2 @@\n migrating\n-ready\n+starting\n'},
  {id: 'health', status: 'failed', line: 31, runner: 'http', reason: 'status 503 (expected 200)', checks: [failedCheck()]},
  {id: 'seed', status: 'timed-out', line: 40, output: 'loading fixtures\n', reason: 'timed out after 5s', exitCode: null},
  {id: 'docs', status: 'skipped', line: 47},
  {id: 'smoke', status: 'not-run', line: 52, reason: 'needs migrate, which failed'},
  {id: 'lint', status: 'failed', line: 58, reason: 'exit code 2 (expected 0)', exitCode: 2, allowedFailure: true, stderr: 'warning: 3 issues\n'},
  {id: 'report', status: 'passed', line: 63, output: 'done\n', durationMs: 40},
]

// A writable that collects what a reporter writes; `isTTY`/`columns` make it look like a terminal.
export function collector(options: {tty?: boolean; columns?: number} = {}) {
  let text = ''
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding: string, done: () => void) {
      text += chunk.toString()
      done()
    },
  }) as Writable & {isTTY?: boolean; columns?: number}
  if (options.tty) {
    stream.isTTY = true
    stream.columns = options.columns ?? 80
  }
  return {stream, text: () => text}
}


// Feed events to a reporter, close it, and return what it wrote.
export async function render(
  create: (out: Writable) => {onEvent: (event: RunEvent) => void; close(): Promise<void>},
  events: RunEvent[],
  options: {tty?: boolean; columns?: number} = {},
): Promise<string> {
  const sink = collector(options)
  const reporter = create(sink.stream)
  for (const event of events) reporter.onEvent(event)
  await reporter.close()
  return sink.text()
}
