// One attempt of a process step (shell, node, python): spawn, stream, capture state, judge.
import {readFileSync, unlinkSync} from 'node:fs'
import type {Step} from '../model.js'
import type {CapturedOutput, ExpectationFailure, HttpCheckResult} from '../result.js'
import type {OutputCapture} from './capture.js'
import {stepTags, type RunContext} from './context.js'
import {judgeProcess} from './judge.js'
import {shellArgv} from '../shell/values.js'
import {spawnStep, type BashJobSpec, type SpawnOutcome} from './spawn.js'
import {needsBaseline, parseBashState} from './shell-state.js'
import {isBash, nextState, parseStateFile, statePrologue, takesSetOptions, type SessionState} from './state.js'
import {runInSession, sessionCapable} from './session-job.js'
import {statusEnv} from './status-env.js'
import {definitionsNeutral, stateNeutral} from './state-neutral.js'

// A step's attribute values after `${VAR}` substitution.
export interface Resolved {
  cwd: string
  env: Record<string, string>
  timeoutMs: number
  shell: string
  contains?: string
  ready?: string
  target?: string // a target without hosts (kube) whose environment is in `env`
}

// How one attempt went.
export interface Attempt {
  ok: boolean
  timedOut: boolean
  interrupted: boolean
  exitCode: number | null
  signal?: string
  stdout: CapturedOutput
  stderr: CapturedOutput
  reason?: string
  expectationFailures: ExpectationFailure[]
  state: SessionState
  checks?: HttpCheckResult[] // http steps and check tables
  captures?: Record<string, string> // [Captures]
}

// How a shell step runs: the document's `shell-options` (none for transcript commands, which
// cram runs without errexit) and one pipe for both streams (`stream=all`, transcripts).
export interface ShellMode {
  options: string
  merge: boolean
}

// The program and arguments that run a step's code (bash steps add the job text: see spawn.ts).
export function commandLine(step: Step, resolved: Resolved, stateFile: string | undefined, mode: ShellMode = {options: '', merge: false}): {file: string; args: string[]} {
  if (step.runner === 'node') return {file: 'node', args: ['-e', step.code]}
  if (step.runner === 'python') return {file: 'python3', args: ['-c', step.code]}
  const {file, args} = shellArgv(resolved.shell)
  if (isBash(resolved.shell) && stateFile) return {file, args}
  const options = takesSetOptions(resolved.shell) ? mode.options : ''
  const prologue = (stateFile ? statePrologue(resolved.shell, stateFile, options) : '') + (mode.merge ? 'exec 2>&1; ' : '')
  return {file, args: [...args, '-c', prologue + step.code]}
}

// True when every `{expect}` of the step reads `stream=all`: its two streams can share one pipe.
export function mergesStreams(step: Step): boolean {
  return step.expectations.length > 0 && step.expectations.every((expectation) => expectation.stream === 'all')
}

// The environment of a step's process: the session, the step's `env=`, and the run's tags. Built
// by assignment: spreading a few hundred keys (one status variable per finished step) into an
// object literal copies V8's property descriptors again for each key, ~0.5 ms a step at 250.
// Without `withStatuses`, the status variables are left out (the session server gets them on
// their own: session-env.ts).
export function processEnv(context: RunContext, step: Step, state: SessionState, resolved: Resolved, withStatuses = true): Record<string, string> {
  const env: Record<string, string> = {}
  for (const name in state.env) env[name] = state.env[name]!
  if (withStatuses) statusEnv(context.statuses, env)
  for (const name in resolved.env) env[name] = resolved.env[name]!
  env['PWD'] = resolved.cwd
  return Object.assign(env, stepTags(context, step.id))
}

// Run the step's code once, from `state`; shell steps hand back the state they leave.
export async function runProcessAttempt(
  context: RunContext,
  step: Step,
  state: SessionState,
  resolved: Resolved,
  options: {code?: string; judge?: boolean; quiet?: boolean; transcript?: boolean; shellOptions?: string} = {},
): Promise<Attempt & {all: string}> {
  const code = options.code ?? step.script ?? step.code
  const stateFile = step.runner === 'node' || step.runner === 'python' ? undefined : context.nextFile()
  const mode: ShellMode = options.transcript ? {options: '', merge: true} : {options: options.shellOptions ?? context.shellOptions, merge: mergesStreams(step)}
  const command = commandLine({...step, code}, resolved, stateFile, mode)
  const bash = stateFile !== undefined && isBash(resolved.shell)
  const job: BashJobSpec | undefined = bash ? {code, restore: state.restore ?? '', ...(state.held ? {held: state.held, rest: state.rest ?? ''} : {}), options: mode.options, merge: mode.merge, baseline: needsBaseline(resolved.shell), optionsKnown: state.options !== undefined, keepState: keepsState(code, state), keepDefinitions: state.held !== undefined && definitionsNeutral(code, state.restore ?? '')} : undefined
  // Only a bash step that can run in the session asks for it (the first one starts it).
  const session = job !== undefined && resolved.shell.trim() === 'bash' && sessionCapable(code) ? context.session?.get() : undefined
  const inSession = session !== undefined && !session.dead
  const request = {
    ...command,
    cwd: resolved.cwd,
    env: processEnv(context, step, state, resolved, !inSession),
    timeoutMs: resolved.timeoutMs,
    tags: stepTags(context, step.id),
    ...(context.signal ? {signal: context.signal} : {}),
    ...(context.redactor ? {redactor: context.redactor} : {}),
    keepAll: true,
    onChunk: (stream: 'stdout' | 'stderr', chunk: string) => {
      if (!options.quiet) context.emit({type: 'step:output', at: Date.now(), stepId: step.id, stream, chunk})
    },
    ...(job ? {job} : {}),
  }
  const outcome = inSession ? await runInSession(session!, {...request, job: job!, stepEnv: resolved.env, ...(context.statuses ? {statuses: context.statuses} : {})}) : await spawnStep(request)
  let after: SessionState | undefined
  if (bash) {
    if (outcome.stateParts) after = parseBashState(outcome.stateParts, resolved.shell, state.options, state.held)
  } else if (stateFile) {
    // A few KB on a local disk: synchronous reads save two thread-pool round trips per step.
    const text = readState(stateFile)
    if (text !== undefined) after = parseStateFile(resolved.shell, text)
  }
  const stepCwd = step.options.cwd === undefined ? undefined : resolved.cwd
  const produced = {stdout: textOf(outcome.stdout), stderr: textOf(outcome.stderr), all: outcome.all ?? ''}
  const verdict = outcome.interrupted
    ? {ok: false, reason: `interrupted by ${String(context.signal?.reason ?? 'a signal')}`, expectationFailures: []}
    : options.judge === false
      ? {ok: true, expectationFailures: []}
      : judgeProcess(step, {...runFacts(outcome), timeoutMs: resolved.timeoutMs}, produced, {
        dir: context.runbook.dir,
        ...(resolved.contains !== undefined ? {contains: resolved.contains} : {}),
      })
  const attempt: Attempt & {all: string} = {
    ok: verdict.ok,
    timedOut: outcome.timedOut,
    interrupted: outcome.interrupted,
    exitCode: outcome.exitCode,
    stdout: outcome.stdout.done(),
    stderr: outcome.stderr.done(),
    expectationFailures: verdict.expectationFailures,
    state: nextState(state, after, resolved.env, stepCwd),
    all: produced.all,
  }
  if (outcome.signal) attempt.signal = outcome.signal
  if (verdict.reason) attempt.reason = verdict.reason
  return attempt
}

// True when the step's code cannot change the terminal state (state-neutral.ts). Before the first
// capture the runner does not know the functions bash imported from the environment
// (`BASH_FUNC_name%%`): a step may then call one, and is captured.
function keepsState(code: string, state: SessionState): boolean {
  if (state.restore === undefined && Object.keys(state.env).some((name) => name.startsWith('BASH_FUNC_'))) return false
  return stateNeutral(code, state.restore ?? '')
}

function runFacts(outcome: SpawnOutcome): {exitCode: number | null; signal?: string; timedOut: boolean; error?: string} {
  const facts: {exitCode: number | null; signal?: string; timedOut: boolean; error?: string} = {exitCode: outcome.exitCode, timedOut: outcome.timedOut}
  if (outcome.signal) facts.signal = outcome.signal
  if (outcome.error) facts.error = outcome.error
  return facts
}

// The text of a capture: whole when kept, else its head and tail.
export function textOf(capture: OutputCapture): string {
  const whole = capture.text()
  if (whole !== undefined) return whole
  const done = capture.done()
  return done.head + done.tail
}

function readState(file: string): string | undefined {
  try {
    const text = readFileSync(file, 'utf8')
    unlinkSync(file)
    return text
  } catch {
    return undefined
  }
}
