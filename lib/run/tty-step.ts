// `tty` steps (`kubectl edit`, `exec -it`): on a terminal the step gets it whole (stdin, stdout,
// stderr) and its exit code decides; its output is the person's, so none is captured.
import {spawn} from 'node:child_process'
import type {Step} from '../model.js'
import {processEnv, type Attempt, type Resolved} from './attempt.js'
import {emptyOutput} from './capture.js'
import type {RunContext} from './context.js'
import {judgeProcess} from './judge.js'
import {setOptionsText, takesSetOptions, type SessionState} from './state.js'

// Run the step attached to the real terminal, from the document's shell options; the session state is left as it was.
export function runTtyAttempt(context: RunContext, step: Step, state: SessionState, resolved: Resolved): Promise<Attempt> {
  const [file, ...args] = resolved.shell.trim().split(/\s+/)
  return new Promise((resolve) => {
    const options = takesSetOptions(resolved.shell) ? setOptionsText(context.shellOptions) : ''
    const child = spawn(file!, [...args, '-c', options + step.code], {cwd: resolved.cwd, env: processEnv(context, step, state, resolved), stdio: 'inherit'})
    const done = (exitCode: number | null, signal: string | null, error?: string) => {
      const verdict = judgeProcess(step, {exitCode, timedOut: false, timeoutMs: resolved.timeoutMs, ...(signal ? {signal} : {}), ...(error ? {error} : {})}, {stdout: '', stderr: '', all: ''}, {dir: context.runbook.dir})
      const attempt: Attempt = {ok: verdict.ok, timedOut: false, interrupted: context.signal?.aborted === true, exitCode, stdout: emptyOutput(), stderr: emptyOutput(), expectationFailures: [], state}
      if (verdict.reason) attempt.reason = verdict.reason
      if (signal) attempt.signal = signal
      resolve(attempt)
    }
    child.on('error', (error) => done(null, null, error.message))
    child.on('exit', (code, signal) => done(code, signal))
  })
}

// The one-line reason a `tty` step is left to a person when there is no terminal.
export function ttyManualReason(step: Step): string {
  const command = step.code.trim().split('\n').join(' ; ')
  return `needs a terminal: run it by hand: ${command}`
}
