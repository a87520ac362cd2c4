// `console` transcripts (SPEC §3): each `$ command` runs in the step's session, in order, and its
// output (stdout and stderr, with `[N]` for a non-zero exit, as cram writes it) is checked with the
// text rules.
import path from 'node:path'
import {matchText} from '../assert/index.js'
import {isTestFile, skipFileExitCode} from './dialect-env.js'
import {formatDuration} from '../duration.js'
import type {Step} from '../model.js'
import type {ExpectationFailure} from '../result.js'
import {OutputCapture} from './capture.js'
import type {RunContext} from './context.js'
import {runProcessAttempt, type Attempt, type Resolved} from './attempt.js'
import type {SessionState} from './state.js'

// Run every command of the transcript once; the attempt fails on the first mismatch's message.
export async function runTranscriptAttempt(context: RunContext, step: Step, start: SessionState, resolved: Resolved): Promise<Attempt> {
  const stdout = new OutputCapture()
  const stderr = new OutputCapture()
  const failures: ExpectationFailure[] = []
  // One terminal: each command starts where the one before left (`$ cd /tmp`, then `$ pwd`).
  const {cwd: stepCwd, ...options} = step.options
  const inner: Step = {...step, options}
  let state: SessionState = {...start, cwd: resolved.cwd}
  let last: Attempt | undefined
  let reason: string | undefined
  for (const [index, command] of (step.transcript ?? []).entries()) {
    const testFile = isTestFile(context.runbook)
    const here = {...resolved, cwd: state.cwd}
    const where = testFile ? {...here, env: {...here.env, SCRUT_TEST: `${path.join(context.runbook.dir, path.basename(context.runbook.file))}:${command.line}`}} : here
    const attempt = await runProcessAttempt(context, inner, state, where, {code: command.command, judge: false, transcript: true})
    last = attempt
    state = attempt.state
    const actual = attempt.all.replace(/\n?$/, attempt.all === '' ? '' : '\n') + (attempt.exitCode ? `[${attempt.exitCode}]\n` : '')
    stdout.write(`$ ${command.command}\n${actual}`)
    if (attempt.stderr.text) stderr.write(attempt.stderr.text)
    if (attempt.interrupted) {
      reason = attempt.reason
      break
    }
    if (testFile && attempt.exitCode === skipFileExitCode) {
      context.fileSkipped = `line ${command.line}: \`${command.command}\` exited ${skipFileExitCode}: the rest of the file is skipped (Scrut)`
      failures.length = 0
      break
    }
    if (attempt.timedOut) {
      reason = `\`${command.command}\` (line ${command.line}) timed out after ${formatDuration(resolved.timeoutMs)}`
      break
    }
    const match = matchText(command.expected, actual)
    if (!match.ok) {
      const failure: ExpectationFailure = {index, message: `line ${command.line}: \`${command.command}\`: ${match.message ?? 'output does not match'}`, actual}
      if (match.diff !== undefined) failure.diff = match.diff
      failures.push(failure)
      reason ??= failure.message
    }
  }
  // A transcript run in its own `cwd=` that did not `cd` elsewhere leaves the session where it was.
  if (stepCwd !== undefined && state.cwd === resolved.cwd) state = {...state, cwd: start.cwd, env: {...state.env, PWD: start.cwd}}
  const result: Attempt = {
    ok: reason === undefined && failures.length === 0,
    timedOut: last?.timedOut ?? false,
    interrupted: last?.interrupted ?? false,
    exitCode: last?.exitCode ?? 0,
    stdout: stdout.done(),
    stderr: stderr.done(),
    expectationFailures: failures,
    state,
  }
  if (reason !== undefined) result.reason = reason
  return result
}
