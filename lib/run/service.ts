// `background` steps: start a service, poll `ready=` until the step's timeout, keep it running,
// and stop its whole tree when the run ends, however it ends (SPEC §1, §11).
import {formatDuration} from '../duration.js'
import type {Step} from '../model.js'
import {commandLine, processEnv, type Attempt, type Resolved} from './attempt.js'
import {stepTags, type RunContext} from './context.js'
import {probeOnce} from './ready.js'
import {startProcess} from './spawn.js'
import type {SessionState} from './state.js'

// How long a service without `ready=` must stay up before it counts as started.
const settleMs = 100

// Start the service and wait until it is ready (passed), exits, times out or the run is interrupted.
export async function startService(context: RunContext, step: Step, state: SessionState, resolved: Resolved): Promise<Attempt> {
  let live = true
  const env = processEnv(context, step, state, resolved)
  const tags = stepTags(context, step.id)
  const handle = startProcess({
    ...commandLine(step, resolved, undefined),
    cwd: resolved.cwd,
    env,
    tags,
    ...(context.redactor ? {redactor: context.redactor} : {}),
    onChunk: (stream, chunk) => {
      if (live) context.emit({type: 'step:output', at: Date.now(), stepId: step.id, stream, chunk})
    },
  })
  const exited = handle.outcome.then(() => 'exited' as const)
  const deadline = Date.now() + resolved.timeoutMs
  let verdict: {ok: boolean; reason?: string; timedOut?: boolean; interrupted?: boolean}
  for (;;) {
    if (context.signal?.aborted) {
      verdict = {ok: false, interrupted: true, reason: `interrupted by ${String(context.signal.reason)}`}
      break
    }
    if (handle.exited) {
      const outcome = await handle.outcome
      verdict = resolved.ready === undefined && outcome.exitCode === 0
        ? {ok: true}
        : {ok: false, reason: outcome.error ? `could not start: ${outcome.error}` : `exited (${outcome.exitCode === null ? outcome.signal : `code ${outcome.exitCode}`}) before it was ready`}
      break
    }
    const left = deadline - Date.now()
    if (left <= 0) {
      verdict = {ok: false, timedOut: true, reason: `not ready after ${formatDuration(resolved.timeoutMs)}${resolved.ready ? ` (${resolved.ready})` : ''}`}
      break
    }
    if (resolved.ready === undefined) {
      const settled = await Promise.race([exited, sleep(settleMs).then(() => 'settled' as const)])
      if (settled === 'settled') {
        verdict = {ok: true}
        break
      }
      continue
    }
    // The probe is a process of its own (own group, own tags): stopping a slow probe never touches
    // the service, and it may take as long as the step's timeout leaves.
    const probeTags = {...tags, RUNBOOK_STEP_ID: `${step.id}.ready`}
    const probe = {cwd: resolved.cwd, env: {...env, ...probeTags}, tags: probeTags, timeoutMs: left, shell: resolved.shell}
    const ready = await Promise.race([probeOnce(resolved.ready, probe), exited.then(() => false)])
    if (ready && !context.signal?.aborted) {
      verdict = {ok: true}
      break
    }
    if (!handle.exited) await Promise.race([sleep(Math.min(150, Math.max(0, deadline - Date.now()))), exited])
  }
  live = verdict.ok
  if (verdict.ok) {
    context.services.push({stepId: step.id, handle})
    context.emit({type: 'service:ready', at: Date.now(), stepId: step.id})
  } else {
    await handle.stop()
  }
  const outcome = handle.exited ? await handle.outcome : undefined
  const snapshot = outcome ?? handle.captures
  const attempt: Attempt = {
    ok: verdict.ok,
    timedOut: verdict.timedOut === true,
    interrupted: verdict.interrupted === true,
    exitCode: outcome ? outcome.exitCode : null,
    stdout: snapshot.stdout.done(),
    stderr: snapshot.stderr.done(),
    expectationFailures: [],
    state,
  }
  if (verdict.reason) attempt.reason = verdict.reason
  live = false
  return attempt
}

// Stop every running service, newest first, and say so.
export async function stopServices(context: RunContext): Promise<void> {
  const services = context.services.splice(0).reverse()
  for (const service of services) {
    await service.handle.stop()
    await service.handle.outcome
    context.emit({type: 'service:stop', at: Date.now(), stepId: service.stepId})
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
