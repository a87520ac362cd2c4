// The `tap` reporter: TAP 14 — version, a test point per step with a YAML diagnostic when it fails, the plan.
import {lazyRequire} from '../lazy-require.js'
import type {Writable} from 'node:stream'
import type {RunEvent} from '../events.js'
import type {StepResult} from '../result.js'
import {asHostStep} from './human-lines.js'
import {capturedText} from './output-text.js'
import {applyEvent, createRunState, plannedStep, resultsInOrder, type RunState} from './run-state.js'
import {sanitizeLine, sanitizeOutput} from './sanitize.js'
import {isFailedStatus, isSkippedStatus, statusLabel} from './status.js'
import type {Reporter} from './types.js'
import {writeAndFlush} from './write.js'

// yaml is loaded on first use, only when a failed step needs a YAML diagnostic: other reporters' runs start faster.
const load = lazyRequire(import.meta.url)
let yaml: typeof import('yaml') | undefined

// Test points stream as steps end; steps never reached are added at the end, then a trailing plan `1..N`.
export function createTapReporter(out: Writable): Reporter {
  const state = createRunState()
  const reported = new Set<string>()
  let count = 0
  let started = false
  let finished = false
  const start = () => {
    if (started) return
    started = true
    out.write('TAP version 14\n')
  }
  const point = (result: StepResult) => {
    if (reported.has(result.id)) return // one test point per step, whatever the executor repeats
    reported.add(result.id)
    // A step on a fleet is one test point per host (`restart@web1`), SPEC §13.
    for (const each of result.hosts ? result.hosts.map(asHostStep) : [result]) {
      count += 1
      out.write(testPoint(count, each, state))
    }
  }
  const finish = () => {
    if (finished) return
    finished = true
    start()
    for (const result of resultsInOrder(state)) if (!reported.has(result.id)) point(result)
    if (state.final?.interrupted) out.write(`# interrupted by ${state.final.interrupted}\n`)
    out.write(`1..${count}\n`)
  }
  return {
    onEvent(event: RunEvent) {
      applyEvent(state, event)
      if (event.type === 'run:start') {
        start()
        out.write(`# ${event.dryRun ? 'dry run of' : 'runbook'} ${sanitizeLine(event.runbook)}\n`)
      } else if (event.type === 'step:end') {
        start()
        point(event.result)
      } else if (event.type === 'run:end') {
        finish()
      }
    },
    async close() {
      finish()
      await writeAndFlush(out, '')
    },
  }
}

// `ok 1 - id`, `ok 2 - id # SKIP not run`, `not ok 3 - id` + diagnostic, `not ok 4 - id # TODO allowed to fail`.
function testPoint(n: number, result: StepResult, state: RunState): string {
  const name = escapeDescription(result.id)
  if (isSkippedStatus(result.status)) {
    const why = result.reason ? `${statusLabel(result)}: ${sanitizeLine(result.reason)}` : statusLabel(result)
    return `ok ${n} - ${name} # SKIP ${escapeDescription(why)}\n`
  }
  if (!isFailedStatus(result.status)) return `ok ${n} - ${name}\n`
  const todo = result.allowedFailure ? ' # TODO allowed to fail' : ''
  return `not ok ${n} - ${name}${todo}\n${diagnostic(result, state)}`
}

function diagnostic(result: StepResult, state: RunState): string {
  const step = plannedStep(state, result.id)
  const data: Record<string, unknown> = {status: result.status}
  if (result.reason) data['message'] = sanitizeLine(result.reason)
  if (step) data['at'] = {file: state.runbook, line: step.line}
  if (result.exitCode !== null) data['exitCode'] = result.exitCode
  if (result.signal) data['signal'] = result.signal
  data['attempts'] = result.attempts
  data['duration_ms'] = Math.round(result.durationMs)
  if (result.expectationFailures.length) {
    data['expectations'] = result.expectationFailures.map((failure) => ({
      index: failure.index,
      message: sanitizeLine(failure.message),
      ...(failure.diff ? {diff: sanitizeOutput(failure.diff)} : {}),
    }))
  }
  const failedChecks = result.checks.filter((check) => !check.ok)
  if (failedChecks.length) {
    data['checks'] = failedChecks.map((check) => ({
      request: `${check.method} ${sanitizeLine(check.url)}`,
      ...(check.status === undefined ? {} : {status: check.status}),
      ...(check.error ? {error: sanitizeLine(check.error)} : {}),
      failures: check.failures.map(sanitizeLine),
      ...(check.bodyStart ? {body: sanitizeOutput(check.bodyStart).slice(0, 500)} : {}),
    }))
  }
  const stderr = capturedText(result.stderr)
  const stdout = capturedText(result.stdout)
  if (stdout) data['stdout'] = tail(stdout)
  if (stderr) data['stderr'] = tail(stderr)
  yaml ??= load('yaml') as typeof import('yaml')
  const body = yaml.stringify(data, {lineWidth: 0}).replace(/\n$/, '')
  return `  ---\n${body.split('\n').map((line) => `  ${line}`).join('\n')}\n  ...\n`
}

function tail(text: string): string {
  return text.split('\n').slice(-20).join('\n')
}

// `#` starts a directive and `\` escapes, in a TAP description and a directive's text.
function escapeDescription(text: string): string {
  return sanitizeLine(text).replace(/\\/g, '\\\\').replace(/#/g, '\\#')
}
