// One step on one host: attempts with retries and delay, judged like a local step; a `background`
// step stays running on the host until the run ends.
import type {Step} from '../../model.js'
import type {HostResult} from '../../result.js'
import {textOf, type Attempt, type Resolved} from '../attempt.js'
import type {RunContext} from '../context.js'
import {judgeProcess} from '../judge.js'
import {abortableSleep as sleep} from '../abortable-sleep.js'
import {finishResult} from '../results.js'
import type {SessionState} from '../state.js'
import type {HostJob, HostOutcome, Target} from './types.js'

// What a remote shell is given besides the code: its environment and the directory (`cwd=`).
export interface Remote {
  env: Record<string, string>
  cwd?: string
}

// Run `step` on `host` of `target` to its final result; emits host:start/output/end.
export async function runOnHost(context: RunContext, step: Step, target: Target, host: string, state: SessionState, resolved: Resolved, remote: Remote): Promise<HostResult> {
  const startedAt = new Date()
  const maxAttempts = step.options.background ? 1 : step.options.retries + 1
  let attempt: Attempt | undefined
  let count = 0
  for (count = 1; count <= maxAttempts; count++) {
    context.emit({type: 'host:start', at: Date.now(), stepId: step.id, host, attempt: count, command: step.code})
    attempt = step.options.background ? await startOnHost(context, step, target, host, resolved, remote) : await attemptOnHost(context, step, target, host, resolved, remote)
    if (attempt.ok || attempt.interrupted || context.signal?.aborted || count === maxAttempts) break
    await sleep(step.options.delayMs, context.signal)
  }
  const result: HostResult = {...finishResult(step, attempt!, Math.min(count, maxAttempts), startedAt, state), captures: {}, host}
  context.emit({type: 'host:end', at: Date.now(), stepId: step.id, host, result})
  return result
}

// A `ready=` probe runs without the document's shell options, as a local probe does: it is a test.
function job(context: RunContext, step: Step, host: string, resolved: Resolved, remote: Remote, code: string, timeoutMs: number | undefined, options = context.shellOptions): HostJob {
  const hostJob: HostJob = {
    stepId: step.id,
    code,
    env: remote.env,
    shell: resolved.shell,
    options,
    onChunk: (stream, chunk) => context.emit({type: 'step:output', at: Date.now(), stepId: step.id, stream, chunk, host}),
  }
  if (remote.cwd !== undefined) hostJob.cwd = remote.cwd
  if (timeoutMs !== undefined) hostJob.timeoutMs = timeoutMs
  if (context.signal) hostJob.signal = context.signal
  if (context.redactor) hostJob.redactor = context.redactor
  return hostJob
}

async function attemptOnHost(context: RunContext, step: Step, target: Target, host: string, resolved: Resolved, remote: Remote): Promise<Attempt> {
  const handle = await target.start(host, job(context, step, host, resolved, remote, step.code, resolved.timeoutMs))
  return judged(context, step, resolved, await handle.outcome)
}

// The verdict on a finished job, as a local step would get it.
function judged(context: RunContext, step: Step, resolved: Resolved, outcome: HostOutcome): Attempt {
  const produced = {stdout: textOf(outcome.stdout), stderr: textOf(outcome.stderr), all: outcome.all}
  const facts = {exitCode: outcome.exitCode, timedOut: outcome.timedOut, timeoutMs: resolved.timeoutMs, ...(outcome.signal ? {signal: outcome.signal} : {})}
  const verdict = outcome.interrupted
    ? {ok: false, reason: `interrupted by ${String(context.signal?.reason ?? 'a signal')}`, expectationFailures: []}
    : outcome.error
      ? {ok: false, reason: `unreachable: ${outcome.error}`, expectationFailures: []}
      : outcome.broken
        ? {ok: false, reason: outcome.broken, expectationFailures: []}
        : judgeProcess(step, facts, produced, {dir: context.runbook.dir, ...(resolved.contains !== undefined ? {contains: resolved.contains} : {})})
  const attempt: Attempt = {
    ok: verdict.ok,
    timedOut: outcome.timedOut,
    interrupted: outcome.interrupted,
    exitCode: outcome.exitCode,
    stdout: outcome.stdout.done(),
    stderr: outcome.stderr.done(),
    expectationFailures: verdict.expectationFailures,
    state: {cwd: '', env: {}},
  }
  if (outcome.signal) attempt.signal = outcome.signal
  if (verdict.reason) attempt.reason = verdict.reason
  return attempt
}

// A background step on a host: start it, poll `ready=` on the same host, keep it until the run ends.
async function startOnHost(context: RunContext, step: Step, target: Target, host: string, resolved: Resolved, remote: Remote): Promise<Attempt> {
  const handle = await target.start(host, job(context, step, host, resolved, remote, step.code, undefined))
  const deadline = Date.now() + resolved.timeoutMs
  let ok = false
  let reason: string | undefined
  for (;;) {
    if (context.signal?.aborted) {
      reason = `interrupted by ${String(context.signal.reason)}`
      break
    }
    if (handle.exited()) {
      const outcome = await handle.outcome
      reason = outcome.error ? `unreachable: ${outcome.error}` : `exited (code ${outcome.exitCode}) before it was ready`
      break
    }
    if (Date.now() >= deadline) {
      reason = `not ready after ${resolved.timeoutMs} ms${resolved.ready ? ` (${resolved.ready})` : ''}`
      break
    }
    if (resolved.ready === undefined) {
      await sleep(100, context.signal)
      if (!handle.exited()) ok = true
      if (ok) break
      continue
    }
    const probe = await target.start(host, {...job(context, step, host, resolved, remote, resolved.ready, Math.min(2000, Math.max(1, deadline - Date.now())), ''), onChunk: () => {}})
    const probed = await probe.outcome
    if (probed.exitCode === 0 && !probed.error) {
      ok = true
      break
    }
    await sleep(150, context.signal)
  }
  if (ok) context.services.push({stepId: `${step.id}@${host}`, handle})
  else await handle.stop()
  const attempt: Attempt = {
    ok,
    timedOut: !ok && reason?.startsWith('not ready') === true,
    interrupted: context.signal?.aborted === true,
    exitCode: null,
    stdout: handle.captures.stdout.done(),
    stderr: handle.captures.stderr.done(),
    expectationFailures: [],
    state: {cwd: '', env: {}},
  }
  if (reason) attempt.reason = reason
  return attempt
}
