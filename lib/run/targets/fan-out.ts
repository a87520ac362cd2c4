// A step on a target with hosts (SPEC §13): hosts run in batches of `serial`, each batch in
// parallel; a batch that leaves more than `max-fail` failed hosts stops the batches after it, and
// their hosts are reported untouched. The step's own result sums its hosts up.
import {getMaxListeners, setMaxListeners} from 'node:events'
import {interpolate} from '../../interpolate.js'
import type {Step} from '../../model.js'
import type {HostResult, StepResult} from '../../result.js'
import type {Resolved} from '../attempt.js'
import {stepTags, type RunContext} from '../context.js'
import {plainResult} from '../results.js'
import type {SessionState} from '../state.js'
import {batchesOf} from './batches.js'
import {runOnHost, type Remote} from './host-attempt.js'
import type {Target} from './types.js'

// Run `step` on every host of `target`; the local session state passes through unchanged.
export async function runOnTarget(context: RunContext, step: Step, target: Target, state: SessionState, resolved: Resolved): Promise<StepResult> {
  const startedAt = new Date()
  const remote: Remote = {env: remoteEnv(context, step, state, resolved)}
  if (step.options.cwd !== undefined) remote.cwd = interpolate(step.options.cwd, state.env)
  context.emit({type: 'step:start', at: Date.now(), stepId: step.id, attempt: 1, command: step.code})
  const results = new Map<string, HostResult>()
  let failed = 0
  let stoppedBy: string | undefined
  for (const batch of batchesOf(target.hosts, target.serial)) {
    if (stoppedBy !== undefined || context.signal?.aborted) {
      for (const host of batch) {
        const result = untouched(step, host, stoppedBy ?? 'never touched: the run was interrupted')
        results.set(host, result)
        context.emit({type: 'host:end', at: Date.now(), stepId: step.id, host, result})
      }
      continue
    }
    // Each host of the batch listens for the run's interrupt while its job runs: 20 hosts are 20
    // legitimate listeners, not a leak (Node warns past 10).
    if (context.signal) setMaxListeners(Math.max(getMaxListeners(context.signal), batch.length * 2 + 10), context.signal)
    const done = await Promise.all(batch.map((host) => runOnHost(context, step, target, host, state, resolved, remote)))
    for (const result of done) {
      results.set(result.host, result)
      if (result.status !== 'passed') failed++
    }
    if (failed > target.maxFail) stoppedBy = `never touched: ${failed} host${failed === 1 ? '' : 's'} failed before it (max-fail ${target.maxFail})`
  }
  const hosts = target.hosts.map((host) => results.get(host)!)
  return summarise(step, target, hosts, failed, startedAt)
}

// The variables a remote shell gets (on its stdin): inputs, front matter env, --set, the step's
// `env=`, and the run's tags. Never the whole local environment: PATH and HOME are the host's own.
function remoteEnv(context: RunContext, step: Step, state: SessionState, resolved: Resolved): Record<string, string> {
  const env: Record<string, string> = {}
  for (const name of context.remoteNames ?? []) if (state.env[name] !== undefined) env[name] = state.env[name]!
  return {...env, ...resolved.env, ...stepTags(context, step.id)}
}

function untouched(step: Step, host: string, reason: string): HostResult {
  return {...plainResult(step, 'not-run', reason), host}
}

function summarise(step: Step, target: Target, hosts: HostResult[], failed: number, startedAt: Date): StepResult {
  const interrupted = hosts.some((host) => host.status === 'interrupted')
  const broken = failed > target.maxFail
  const status = interrupted ? 'interrupted' : broken ? (hosts.every((h) => h.status === 'timed-out' || h.status === 'not-run') ? 'timed-out' : 'failed') : 'passed'
  const result: StepResult = {
    ...plainResult(step, status),
    attempts: Math.max(0, ...hosts.map((host) => host.attempts)),
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    target: target.name,
    hosts,
  }
  const failures = hosts.filter((host) => host.status !== 'passed' && host.status !== 'not-run')
  const never = hosts.filter((host) => host.status === 'not-run')
  const parts: string[] = []
  if (failures.length > 0) {
    parts.push(`${failures.length} of ${hosts.length} host${hosts.length === 1 ? '' : 's'} failed (max-fail ${target.maxFail}): ` + failures.map((host) => `${host.host}: ${firstLine(host.reason ?? host.status)}`).join('; '))
  }
  if (never.length > 0) parts.push(`untouched: ${never.map((host) => host.host).join(', ')}`)
  if (parts.length > 0) result.reason = parts.join('; ')
  if (status !== 'passed' && step.options.allowFailure && !interrupted) result.allowedFailure = true
  const exit = failures.find((host) => host.exitCode !== null)
  result.exitCode = broken ? (exit?.exitCode ?? null) : 0
  return result
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '') ?? text
}
