// Check tables (SPEC §4): every row an HTTP check, ordered with the steps by document position.
import type {CheckTable} from '../model.js'
import {emptyOutput} from './capture.js'
import type {RunContext} from './context.js'
import {finishResult} from './results.js'
import type {StepRun} from './step.js'
import type {SessionState} from './state.js'

// Run the table's rows and emit `step:start`, a `check` per row and `step:end`.
export async function runTable(context: RunContext, table: CheckTable, state: SessionState): Promise<StepRun> {
  const startedAt = new Date()
  context.emit({type: 'step:start', at: Date.now(), stepId: table.id, attempt: 1})
  // lib/http (and undici) load only when a runbook has a check table: plain shell runs start faster.
  const {runCheckTable} = await import('../http/index.js')
  const outcome = await runCheckTable(table, {
    env: state.env,
    dir: context.runbook.dir,
    timeoutMs: table.options.timeoutMs ?? context.defaultTimeoutMs,
    ...(context.signal ? {signal: context.signal} : {}),
    onCheck: (check) => context.emit({type: 'check', at: Date.now(), stepId: table.id, check}),
    ...(context.redactor ? {redact: (text: string) => context.redactor!.redact(text)} : {}),
  })
  const attempt = {
    ok: outcome.ok,
    timedOut: false,
    interrupted: !outcome.ok && context.signal?.aborted === true,
    exitCode: null,
    stdout: emptyOutput(),
    stderr: emptyOutput(),
    expectationFailures: [],
    state,
    checks: outcome.checks,
    captures: {},
    ...(outcome.reason ? {reason: outcome.reason} : {}),
  }
  const result = finishResult(table, attempt, 1, startedAt, state)
  context.emit({type: 'step:end', at: Date.now(), stepId: table.id, result})
  return {result, state}
}
