// Building StepResults: from a step's last attempt, or for steps that never ran.
import type {CheckTable, Step} from '../model.js'
import type {StepResult, StepStatus} from '../result.js'
import type {Attempt} from './attempt.js'
import {emptyOutput} from './capture.js'
import type {SessionState} from './state.js'
import {outputMismatch} from './judge.js'

// A result with no attempt: skipped, not-run, manual, unconfirmed, interrupted before start.
export function plainResult(node: Step | CheckTable, status: StepStatus, reason?: string): StepResult {
  const result: StepResult = {
    id: node.id,
    status,
    exitCode: null,
    attempts: 0,
    durationMs: 0,
    stdout: emptyOutput(),
    stderr: emptyOutput(),
    expectationFailures: [],
    checks: [],
    captures: {},
  }
  if ('code' in node) result.command = node.code
  if (reason !== undefined) result.reason = reason
  if (status === 'passed' && reason === 'done by hand') result.attempts = 1
  return result
}

// The result of a step after its last attempt.
export function finishResult(node: Step | CheckTable, attempt: Attempt, attempts: number, startedAt: Date, before: SessionState): StepResult {
  const status: StepStatus = attempt.ok ? 'passed' : attempt.interrupted ? 'interrupted' : attempt.timedOut ? 'timed-out' : 'failed'
  const result: StepResult = {
    id: node.id,
    status,
    exitCode: attempt.exitCode,
    attempts,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    stdout: attempt.stdout,
    stderr: attempt.stderr,
    expectationFailures: attempt.expectationFailures,
    checks: attempt.checks ?? [],
    captures: attempt.captures ?? exported(before, attempt.state),
  }
  if ('code' in node) result.command = node.code
  if (attempt.signal) result.signal = attempt.signal
  if (attempt.reason && !attempt.ok) result.reason = attempt.reason
  if (!attempt.ok && !attempt.interrupted && node.options.allowFailure) result.allowedFailure = true
  return result
}

// Variables the step exported or changed: what later steps see that they did not before.
function exported(before: SessionState, after: SessionState): Record<string, string> {
  const changed: Record<string, string> = {}
  for (const [name, value] of Object.entries(after.env)) {
    if (name === 'PWD' || name === 'OLDPWD') continue
    if (before.env[name] !== value) changed[name] = value
  }
  return changed
}

// True when a finished step lets its dependants run.
export function satisfies(result: StepResult): boolean {
  return result.status === 'passed' || result.status === 'skipped' || result.status === 'manual' || result.allowedFailure === true
}

// True when the step ran as asked and only its `{expect}` blocks differed: `--update` blesses
// those, so under `--update` such a step does not hold back its dependants.
export function onlyOutputDiffered(result: StepResult): boolean {
  return result.status === 'failed' && result.expectationFailures.length > 0 && result.reason?.startsWith(outputMismatch) === true
}

// True when a result makes the run fail.
export function failsRun(result: StepResult): boolean {
  if (result.allowedFailure) return false
  return result.status === 'failed' || result.status === 'timed-out' || result.status === 'interrupted'
}
