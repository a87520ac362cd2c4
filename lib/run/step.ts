// Run one step to its final result: manual and confirm gates, attempts with retries and delay,
// by runner (shell, node, python, console, http, background), then one `step:end` event.
import {statSync} from 'node:fs'
import path from 'node:path'
import {isSecretName, minimumSecretLength} from '../redact/index.js'
import {interpolate} from '../interpolate.js'
import type {Step} from '../model.js'
import type {StepResult} from '../result.js'
import {runProcessAttempt, type Attempt, type Resolved} from './attempt.js'
import {emptyOutput, OutputCapture} from './capture.js'
import {evaluateCondition} from './condition.js'
import {runDecision} from './decision.js'
import {takeCaptures} from './take-captures.js'
import {findArtifacts} from './artifacts.js'
import {runTtyAttempt, ttyManualReason} from './tty-step.js'
import type {RunContext} from './context.js'
import {heldEmitter, maySetSecret} from './held-output.js'
import {isYes} from './prompt.js'
import {finishResult, plainResult} from './results.js'
import {abortableSleep} from './abortable-sleep.js'
import {isReadyUrl} from './ready.js'
import {startService} from './service.js'
import type {SessionState} from './state.js'
import {documentCwd} from './document-cwd.js'
import {resolveTemplates} from './templates.js'
import {runTranscriptAttempt} from './transcript.js'
import {runOnTarget} from './targets/fan-out.js'
import {TargetError} from './targets/index.js'

// The result of a step and the session state the next step starts from.
export interface StepRun {
  result: StepResult
  state: SessionState
}

// Run `step` from `state` and emit its events.
export async function runStep(outer: RunContext, written: Step, state: SessionState): Promise<StepRun> {
  if (outer.fileSkipped !== undefined) {
    const result = plainResult(written, 'skipped', outer.fileSkipped)
    outer.emit({type: 'step:end', at: Date.now(), stepId: written.id, result})
    return {result, state}
  }
  const templated = resolveTemplates(written, state.env, outer.runbook.file)
  if ('error' in templated) {
    const result = plainResult(written, 'failed', templated.error)
    outer.emit({type: 'step:end', at: Date.now(), stepId: written.id, result})
    return {result, state}
  }
  const step = templated.step
  const hold = outer.redactor && maySetSecret(step) ? heldEmitter(outer.emit) : undefined
  const context: RunContext = hold ? {...outer, emit: hold.emit} : outer
  const skipped = await checkCondition(context, step, state)
  if (skipped) {
    context.emit({type: 'step:end', at: Date.now(), stepId: step.id, result: skipped})
    return {result: skipped, state}
  }
  if (step.options.ask !== undefined) {
    const decided = await runDecision(context, step, state)
    const line = decided.result.stdout.text ?? ''
    if (line !== '') context.emit({type: 'step:output', at: Date.now(), stepId: step.id, stream: 'stdout', chunk: line})
    context.emit({type: 'step:end', at: Date.now(), stepId: step.id, result: decided.result})
    return decided
  }
  const gate = step.options.tty && !context.prompt ? plainResult(step, 'manual', ttyManualReason(step)) : await checkGates(context, step)
  if (gate) {
    context.emit({type: 'step:end', at: Date.now(), stepId: step.id, result: gate})
    return {result: gate, state}
  }
  const resolved = resolve(context, step, state)
  const placed = await place(context, step, state, resolved)
  if (placed) {
    context.emit({type: 'step:end', at: Date.now(), stepId: step.id, result: placed})
    return {result: placed, state}
  }
  const badCwd = step.options.cwd !== undefined && step.runner !== 'http' ? cwdProblem(step.options.cwd, resolved.cwd) : undefined
  if (badCwd) {
    const result = plainResult(step, 'failed', badCwd)
    if (step.options.allowFailure) result.allowedFailure = true
    context.emit({type: 'step:end', at: Date.now(), stepId: step.id, result})
    return {result, state}
  }
  const startedAt = new Date()
  const maxAttempts = step.options.background ? 1 : step.options.retries + 1
  // A secret-named capture is in stdout by definition: hold the output until its value is known.
  const holdOutput = step.options.capture?.some((capture) => isSecretName(capture.name)) === true
  let attempt: Attempt | undefined
  let count = 0
  for (count = 1; count <= maxAttempts; count++) {
    context.emit({type: 'step:start', at: Date.now(), stepId: step.id, attempt: count, command: step.code})
    attempt = withCaptures(step, await runAttempt(context, step, state, resolved, holdOutput))
    if (attempt.ok || attempt.interrupted || context.signal?.aborted || count === maxAttempts) break
    const reason = attempt.reason ?? 'failed'
    context.emit({type: 'step:retry', at: Date.now(), stepId: step.id, attempt: count, reason, delayMs: step.options.delayMs})
    await abortableSleep(step.options.delayMs, context.signal)
    if (context.signal?.aborted) break
  }
  const result = finishResult(step, attempt!, Math.min(count, maxAttempts), startedAt, state)
  if (step.options.if !== undefined) result.condition = {text: step.options.if, met: true}
  if (step.options.artifacts !== undefined) collectArtifacts(context, step, resolved.cwd, attempt!.state.env, result)
  if (resolved.target !== undefined) result.target = resolved.target
  learnSecrets(result, context)
  hold?.release((text) => context.redactor!.redact(text))
  result.captures = maskCaptures(result.captures, context)
  if (holdOutput) emitHeldOutput(context, step, result)
  context.emit({type: 'step:end', at: Date.now(), stepId: step.id, result})
  return {result, state: attempt!.ok || !step.options.background ? attempt!.state : state}
}

// A step on a target with hosts runs there and its result comes back whole; a step on a target
// without hosts (kube) runs here with the target's environment added to `resolved`.
async function place(context: RunContext, step: Step, state: SessionState, resolved: Resolved): Promise<StepResult | undefined> {
  if (!context.targets) return undefined
  try {
    const target = context.targets.of(step)
    if (target.kind === 'local') return undefined
    if (target.hosts.length > 0) {
      if (step.runner !== 'shell') return plainResult(step, 'failed', `only shell steps run on ${target.kind} target \`${target.name}\`; this is a ${step.runner} step`)
      return await runOnTarget(context, step, target, state, resolved)
    }
    Object.assign(resolved.env, await target.environment())
    resolved.target = target.name
    return undefined
  } catch (error) {
    if (error instanceof TargetError) return plainResult(step, 'failed', error.message)
    throw error
  }
}

async function runAttempt(context: RunContext, step: Step, state: SessionState, resolved: Resolved, quiet = false): Promise<Attempt> {
  if (step.options.background) return startService(context, step, state, resolved)
  if (step.options.tty) return runTtyAttempt(context, step, state, resolved)
  if (step.runner === 'console') return runTranscriptAttempt(context, step, state, resolved)
  if (step.runner === 'http') return runHttpAttempt(context, step, state, resolved)
  return runProcessAttempt(context, step, state, resolved, {quiet})
}

// The output held back for a secret capture, sent once the captured value is masked in it.
function emitHeldOutput(context: RunContext, step: Step, result: StepResult): void {
  for (const stream of ['stdout', 'stderr'] as const) {
    const output = result[stream]
    const chunk = output.text ?? output.head + output.tail
    if (chunk !== '') context.emit({type: 'step:output', at: Date.now(), stepId: step.id, stream, chunk})
  }
}

// `if=`: a `skipped (condition)` result when the condition is false, a failure when it cannot be
// evaluated, undefined when the step runs.
async function checkCondition(context: RunContext, step: Step, state: SessionState): Promise<StepResult | undefined> {
  if (step.options.if === undefined) return undefined
  const outcome = await evaluateCondition(context, step, state, resolve(context, step, state))
  if ('error' in outcome) {
    const failed = plainResult(step, context.signal?.aborted ? 'interrupted' : 'failed', outcome.error)
    failed.condition = {text: step.options.if}
    return failed
  }
  if (outcome.met) return undefined
  const result = plainResult(step, 'skipped', `\`${step.options.if}\` was false (exit ${outcome.exitCode ?? 'killed'})`)
  result.condition = {text: step.options.if, met: false}
  return result
}

// `capture=`: a passing attempt's stdout must yield every value; they join the session state.
function withCaptures(step: Step, attempt: Attempt): Attempt {
  const specs = step.options.capture
  if (!specs || specs.length === 0 || !attempt.ok) return attempt
  const stdout = attempt.stdout.text ?? attempt.stdout.head + attempt.stdout.tail
  const taken = takeCaptures(specs, stdout)
  if (!taken.ok) return {...attempt, ok: false, reason: taken.reason}
  const captures = attempt.captures ? {...attempt.captures, ...taken.values} : undefined
  return {...attempt, state: {...attempt.state, env: {...attempt.state.env, ...taken.values}}, ...(captures ? {captures} : {})}
}

// `artifacts=`: list the matching files on the result (the evidence copies them at step:end).
function collectArtifacts(context: RunContext, step: Step, cwd: string, env: Record<string, string>, result: StepResult): void {
  const glob = interpolate(step.options.artifacts!, env)
  const {files, problems} = findArtifacts(cwd, glob)
  result.artifacts = files
  const warn = (message: string) => context.emit({type: 'warning', at: Date.now(), stepId: step.id, message})
  if (files.length === 0 && problems.length === 0) warn(`artifacts="${glob}" of step \`${step.id}\` matched no file in ${cwd}`)
  for (const problem of problems) warn(`step \`${step.id}\`: ${problem}`)
}

// `manual` and `confirm`: a result when the step must not run, undefined when it may.
async function checkGates(context: RunContext, step: Step): Promise<StepResult | undefined> {
  if (step.options.manual) {
    if (!context.interactive) return plainResult(step, 'manual', 'a manual step: do it by hand (--interactive asks "done?")')
    if (!context.prompt) return plainResult(step, 'failed', 'a manual step under --interactive needs a terminal to ask "done?"; run without --interactive to report it as manual')
    const answer = await context.prompt(`Manual step \`${step.id}\`${step.heading ? ` (${step.heading.text})` : ''}: done? [y/N] `)
    return isYes(answer) ? plainResult(step, 'passed', 'done by hand') : plainResult(step, 'failed', 'manual step not done')
  }
  if (step.options.confirm !== undefined && !context.yes) {
    if (!context.prompt || context.ci) {
      const why = context.ci ? 'CI is set' : 'there is no terminal to ask on'
      return plainResult(step, 'failed', `not confirmed: ${why}; pass --yes to run this step (${step.options.confirm})`)
    }
    const answer = await context.prompt(`${step.options.confirm} [y/N] `)
    if (!isYes(answer)) return plainResult(step, 'failed', 'not confirmed (answered no)')
  }
  return undefined
}

// The step's attribute values with `${VAR}` resolved from the session's environment.
export function resolve(context: RunContext, step: Step, state: SessionState): Resolved {
  const env = state.env
  const stepEnv: Record<string, string> = {}
  for (const [name, value] of Object.entries(step.options.env)) stepEnv[name] = interpolate(value, env)
  const resolved: Resolved = {
    cwd: step.options.cwd === undefined ? state.cwd : path.resolve(documentCwd(context.runbook), interpolate(step.options.cwd, env)),
    env: stepEnv,
    timeoutMs: step.options.timeoutMs ?? context.defaultTimeoutMs,
    shell: step.options.shell ?? context.defaultShell,
  }
  if (step.options.contains !== undefined) resolved.contains = interpolate(step.options.contains, env)
  // A ready URL is plain substitution; a ready command reaches a shell, so it stays as written and its
  // `${VAR}` is expanded by that shell from the environment (lib/shell/values.ts), never spliced in.
  // Whether it is a URL is decided after substitution: `ready=${BASE_URL}/health` is a URL.
  if (step.options.ready !== undefined) {
    const expanded = interpolate(step.options.ready, {...env, ...stepEnv})
    resolved.ready = isReadyUrl(expanded) ? expanded : step.options.ready
  }
  return resolved
}

async function runHttpAttempt(context: RunContext, step: Step, state: SessionState, resolved: Resolved): Promise<Attempt> {
  const env = {...state.env, ...resolved.env}
  // lib/http (and undici) load only when a runbook has an http step: plain shell runs start faster.
  const {runHttpStep} = await import('../http/index.js')
  const outcome = await runHttpStep(step, {
    env,
    dir: context.runbook.dir,
    timeoutMs: resolved.timeoutMs,
    ...(context.signal ? {signal: context.signal} : {}),
    onCheck: (check) => context.emit({type: 'check', at: Date.now(), stepId: step.id, check}),
    ...(context.redactor ? {redact: (text: string) => context.redactor!.redact(text)} : {}),
  })
  const body = context.redactor ? context.redactor.redact(outcome.body) : outcome.body
  if (body !== '') context.emit({type: 'step:output', at: Date.now(), stepId: step.id, stream: 'stdout', chunk: body})
  const stdout = new OutputCapture()
  stdout.write(body)
  const attempt: Attempt = {
    ok: outcome.ok,
    timedOut: false,
    interrupted: context.signal?.aborted === true,
    exitCode: null,
    stdout: stdout.done(),
    stderr: emptyOutput(),
    expectationFailures: outcome.expectationFailures,
    state: {...state, env: {...state.env, ...outcome.captures}},
    checks: [outcome.check],
    captures: outcome.captures,
  }
  if (outcome.reason) attempt.reason = outcome.reason
  return attempt
}

// Why `cwd=` cannot be used (checked before anything starts: `exec` and python would otherwise
// hang or die on it), or undefined when it is a folder.
function cwdProblem(written: string, dir: string): string | undefined {
  try {
    if (statSync(dir).isDirectory()) return undefined
    return `cwd=${JSON.stringify(written)} is not a folder (${dir} is a file)`
  } catch {
    return `cwd=${JSON.stringify(written)}: no such folder (${dir})`
  }
}


// A step that exports or captures a secret-named variable (`export DEPLOY_TOKEN=…`) makes its value
// a secret for the rest of the run: every later output, event and written file masks it. The step's
// own kept output is masked again too (its live events were already sent).
function learnSecrets(result: StepResult, context: RunContext): void {
  const redactor = context.redactor
  if (!redactor) return
  const values = Object.entries(result.captures)
    .filter(([name, value]) => isSecretName(name) && value.length >= minimumSecretLength)
    .map(([, value]) => value)
  if (values.length === 0) return
  redactor.add(values)
  for (const output of [result.stdout, result.stderr]) {
    output.head = redactor.redact(output.head)
    output.tail = redactor.redact(output.tail)
    if (output.text !== undefined) output.text = redactor.redact(output.text)
  }
}

// Captured and exported values go into events and results: mask known secrets and secret-named variables.
function maskCaptures(captures: Record<string, string>, context: RunContext): Record<string, string> {
  const masked: Record<string, string> = {}
  for (const [name, value] of Object.entries(captures)) {
    masked[name] = isSecretName(name) && value !== '' ? '***' : context.redactor ? context.redactor.redact(value) : value
  }
  return masked
}
