// A runtime check of RunEvent (lib/events.ts) and the results it carries (lib/result.ts), typed
// against those types: a new event kind, a new field, a changed optionality or a new status that
// is not mirrored here fails `tsc` (test/report/event-fixtures.test.ts compiles this file).
import type {PlannedStep, RunEvent} from '../../lib/events.js'
import type {Runner} from '../../lib/model.js'
import type {ArtifactFile, CapturedOutput, ExpectationFailure, HostResult, HttpCheckResult, RunResult, StepResult, StepStatus} from '../../lib/result.js'
import {arrayOf, boolean, lazy, nullable, number, object, oneOf, optional, recordOf, required, string, type Check, type Shape} from './check-shape.js'

const runner: Check<Runner> = oneOf('shell', 'console', 'node', 'python', 'http')
const status: Check<StepStatus> = oneOf('passed', 'failed', 'skipped', 'manual', 'timed-out', 'not-run', 'interrupted')

const plannedStep = object<PlannedStep>({
  id: required(string),
  runner: required(runner),
  line: required(number),
  needs: required(arrayOf(string)),
  kind: required(oneOf('step', 'table')),
  title: optional(string),
})

const captured = object<CapturedOutput>({
  head: required(string),
  tail: required(string),
  omittedLines: required(number),
  totalBytes: required(number),
  text: optional(string),
})

const expectationFailure = object<ExpectationFailure>({
  index: required(number),
  message: required(string),
  diff: optional(string),
  actual: required(string),
})

const httpCheck = object<HttpCheckResult>({
  stepId: required(string),
  row: optional(number),
  method: required(string),
  url: required(string),
  ok: required(boolean),
  status: optional(number),
  latencyMs: optional(number),
  headers: optional(recordOf(string)),
  bodyStart: optional(string),
  failures: required(arrayOf(string)),
  error: optional(string),
})

const artifact = object<ArtifactFile>({
  path: required(string),
  source: required(string),
  size: required(number),
  sha256: optional(string),
})

const stepResultShape: Shape<StepResult> = {
  id: required(string),
  status: required(status),
  exitCode: required(nullable(number)),
  signal: optional(string),
  attempts: required(number),
  startedAt: optional(string),
  durationMs: required(number),
  stdout: required(captured),
  stderr: required(captured),
  reason: optional(string),
  expectationFailures: required(arrayOf(expectationFailure)),
  checks: required(arrayOf(httpCheck)),
  captures: required(recordOf(string)),
  command: optional(string),
  allowedFailure: optional(boolean),
  condition: optional(object<{text: string; met?: boolean}>({text: required(string), met: optional(boolean)})),
  artifacts: optional(arrayOf(artifact)),
  target: optional(string),
  hosts: optional(arrayOf(lazy(() => hostResult))),
}
const stepResult = object<StepResult>(stepResultShape)
const hostResult: Check<HostResult> = object<HostResult>({...stepResultShape, host: required(string)})

const runResult = object<RunResult>({
  runbook: required(string),
  runId: required(string),
  ok: required(boolean),
  interrupted: optional(oneOf('SIGINT', 'SIGTERM', 'SIGHUP')),
  startedAt: required(string),
  finishedAt: required(string),
  durationMs: required(number),
  steps: required(arrayOf(stepResult)),
  host: required(string),
  commit: optional(string),
  version: required(string),
})

type Kind = RunEvent['type']
type Ev<K extends Kind> = Extract<RunEvent, {type: K}>
// The shape of each kind of event: one entry per member of the union, so a new kind fails tsc here.
const events: {[K in Kind]: Check<Ev<K>>} = {
  'run:start': object<Ev<'run:start'>>({type: required(oneOf('run:start')), at: required(number), runbook: required(string), runId: required(string), steps: required(arrayOf(plannedStep)), dryRun: required(boolean)}),
  'step:start': object<Ev<'step:start'>>({type: required(oneOf('step:start')), at: required(number), stepId: required(string), attempt: required(number), command: optional(string)}),
  'step:output': object<Ev<'step:output'>>({type: required(oneOf('step:output')), at: required(number), stepId: required(string), stream: required(oneOf('stdout', 'stderr')), chunk: required(string), host: optional(string)}),
  'step:retry': object<Ev<'step:retry'>>({type: required(oneOf('step:retry')), at: required(number), stepId: required(string), attempt: required(number), reason: required(string), delayMs: required(number)}),
  'step:end': object<Ev<'step:end'>>({type: required(oneOf('step:end')), at: required(number), stepId: required(string), result: required(stepResult)}),
  'host:start': object<Ev<'host:start'>>({type: required(oneOf('host:start')), at: required(number), stepId: required(string), host: required(string), attempt: required(number), command: optional(string)}),
  'host:end': object<Ev<'host:end'>>({type: required(oneOf('host:end')), at: required(number), stepId: required(string), host: required(string), result: required(hostResult)}),
  check: object<Ev<'check'>>({type: required(oneOf('check')), at: required(number), stepId: required(string), check: required(httpCheck)}),
  'service:ready': object<Ev<'service:ready'>>({type: required(oneOf('service:ready')), at: required(number), stepId: required(string)}),
  'service:stop': object<Ev<'service:stop'>>({type: required(oneOf('service:stop')), at: required(number), stepId: required(string)}),
  warning: object<Ev<'warning'>>({type: required(oneOf('warning')), at: required(number), message: required(string), stepId: optional(string)}),
  'run:end': object<Ev<'run:end'>>({type: required(oneOf('run:end')), at: required(number), result: required(runResult)}),
}

// Every kind of event the type allows.
export const eventKinds = Object.keys(events) as Kind[]

// The problems that keep `value` from being a RunEvent: none when it is one.
export function runEventProblems(value: unknown, at = 'event'): string[] {
  const type = (value as {type?: unknown} | null)?.type
  if (typeof type !== 'string' || !Object.hasOwn(events, type)) return [`${at}.type: expected one of ${eventKinds.join(', ')}, got ${JSON.stringify(type)}`]
  return events[type as Kind](value, at)
}

// Narrow `value` to a RunEvent, or throw with every problem found.
export function asRunEvent(value: unknown, at = 'event'): RunEvent {
  const problems = runEventProblems(value, at)
  if (problems.length > 0) throw new Error(problems.join('\n'))
  return value as RunEvent
}
