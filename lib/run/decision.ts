// Decisions in prose (SPEC §14): `<!-- runbook: #has-reason ask="…" -->` sets HAS_REASON=yes|no,
// from --set / the environment, or asked y/N under --interactive on a terminal.
import {UsageError} from '../errors.js'
import type {Runbook, Step} from '../model.js'
import type {StepResult} from '../result.js'
import type {RunContext} from './context.js'
import {isYes} from './prompt.js'
import {plainResult} from './results.js'
import type {SessionState} from './state.js'
import {idVariable} from './status-env.js'

// The variable a decision sets.
export function decisionVariable(step: Step): string {
  return idVariable(step.id)
}

// `yes`/`no` from a given value, undefined when it is neither.
export function decisionValue(text: string | undefined): 'yes' | 'no' | undefined {
  const value = text?.trim().toLowerCase()
  if (value === 'yes' || value === 'y' || value === 'true' || value === '1') return 'yes'
  if (value === 'no' || value === 'n' || value === 'false' || value === '0') return 'no'
  return undefined
}

// Before anything runs: every selected decision must be answered (given, or askable on a terminal),
// and a given answer must be yes or no. Throws UsageError (exit 2) naming each decision and variable.
export function checkDecisions(runbook: Runbook, excluded: ReadonlyMap<string, string | undefined>, env: Record<string, string>, canAsk: boolean): void {
  const problems: string[] = []
  for (const step of runbook.steps) {
    if (step.options.ask === undefined || excluded.get(step.id) !== undefined) continue
    const name = decisionVariable(step)
    const given = env[name]
    if (given !== undefined && given !== '') {
      if (!decisionValue(given)) problems.push(`  ${name}=${given}: decision \`${step.id}\` takes yes or no`)
    } else if (!canAsk) problems.push(`  decision \`${step.id}\` (${step.options.ask}): set ${name}=yes or ${name}=no`)
  }
  if (problems.length === 0) return
  throw new UsageError(
    `${runbook.file}: ${problems.length === 1 ? 'a decision is' : 'decisions are'} not answered; nothing was run:\n${problems.join('\n')}\n` +
      `Pass --set NAME=yes|no (or the environment), or run with --interactive on a terminal to be asked.`,
  )
}

// Take the decision: the given answer, else ask. The answer joins the session state as NAME=yes|no.
export async function runDecision(context: RunContext, step: Step, state: SessionState): Promise<{result: StepResult; state: SessionState}> {
  const name = decisionVariable(step)
  const question = step.options.ask!
  let answer = decisionValue(state.env[name])
  let how = `${name} was given`
  if (!answer) {
    if (!context.prompt) {
      const result = plainResult(step, 'failed', `decision \`${step.id}\` needs an answer: set ${name}=yes or ${name}=no`)
      return {result, state}
    }
    answer = isYes(await context.prompt(`${question} [y/N] `)) ? 'yes' : 'no'
    how = 'answered on the terminal'
  }
  const result = plainResult(step, 'passed', `${name}=${answer} (${how})`)
  result.attempts = 1
  const line = `${question} → ${answer} (${name}=${answer}, ${how})\n`
  result.stdout = {head: line, tail: '', omittedLines: 0, totalBytes: Buffer.byteLength(line), text: line}
  result.captures = {[name]: answer}
  return {result, state: {...state, env: {...state.env, [name]: answer}}}
}
