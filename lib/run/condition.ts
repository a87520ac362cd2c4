// `if="SHELL CONDITION"`: run the condition in the step's session state (captures, exports, the
// directory and `$RUNBOOK_STATUS_<ID>` visible); its output is dropped, its exit status decides.
// It runs without the document's `shell-options`: a condition is a test, not a step.
import type {Step} from '../model.js'
import {runProcessAttempt, type Resolved} from './attempt.js'
import type {RunContext} from './context.js'
import type {SessionState} from './state.js'

// Whether the condition held, or why it could not be evaluated (timed out, interrupted).
export type ConditionOutcome = {met: boolean; exitCode: number | null} | {error: string}

// Evaluate `step.options.if`; the state it leaves is thrown away (a condition changes nothing).
export async function evaluateCondition(context: RunContext, step: Step, state: SessionState, resolved: Resolved): Promise<ConditionOutcome> {
  const condition = step.options.if!
  const shellStep: Step = {...step, runner: 'shell', options: {...step.options, exit: {kind: 'any'}}}
  const attempt = await runProcessAttempt(context, shellStep, state, resolved, {code: condition, judge: false, quiet: true, shellOptions: ''})
  if (attempt.interrupted) return {error: `interrupted while evaluating the condition \`${condition}\``}
  if (attempt.timedOut) return {error: `the condition \`${condition}\` timed out`}
  return {met: attempt.exitCode === 0, exitCode: attempt.exitCode}
}
