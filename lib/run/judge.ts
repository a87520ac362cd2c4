// Pass or fail one attempt of a process step: exit code (`exit=`), `contains=`, `{expect}` blocks.
import {exitAccepted, matchExpectation} from '../assert/index.js'
import {formatDuration} from '../duration.js'
import type {ExitSpec, Step} from '../model.js'
import type {ExpectationFailure} from '../result.js'

// The text a step produced, as the matcher sees it.
export interface ProducedText {
  stdout: string
  stderr: string
  all: string
}

// The start of the reason of a step that failed only because its output did not match.
export const outputMismatch = 'expected output did not match'

// The verdict of one attempt.
export interface Verdict {
  ok: boolean
  reason?: string
  expectationFailures: ExpectationFailure[]
}

// Judge a finished process against the step's exit spec, `contains=` and expectations.
export function judgeProcess(
  step: Step,
  run: {exitCode: number | null; signal?: string; timedOut: boolean; timeoutMs: number; error?: string},
  text: ProducedText,
  options: {dir: string; contains?: string},
): Verdict {
  const expectationFailures = checkExpectations(step, text, options.dir)
  if (run.error) return {ok: false, reason: `could not start: ${run.error}`, expectationFailures}
  if (run.timedOut) return {ok: false, reason: `timed out after ${formatDuration(run.timeoutMs)}`, expectationFailures}
  if (!exitAccepted(step.options.exit, run.exitCode)) {
    const got = run.exitCode === null ? `killed by ${run.signal ?? 'a signal'}` : `exit code ${run.exitCode}`
    return {ok: false, reason: `${got} (expected ${describeExit(step.options.exit)})`, expectationFailures}
  }
  if (options.contains !== undefined && !text.stdout.includes(options.contains)) {
    return {ok: false, reason: `stdout does not contain ${JSON.stringify(options.contains)}`, expectationFailures}
  }
  if (expectationFailures.length > 0) {
    const first = expectationFailures[0]!
    const more = expectationFailures.length > 1 ? ` (and ${expectationFailures.length - 1} more)` : ''
    return {ok: false, reason: `${outputMismatch}: ${first.message}${more}`, expectationFailures}
  }
  return {ok: true, expectationFailures}
}

// Every failing `{expect}` block of the step, with its index.
export function checkExpectations(step: Step, text: ProducedText, dir: string): ExpectationFailure[] {
  const failures: ExpectationFailure[] = []
  step.expectations.forEach((expectation, index) => {
    const outcome = matchExpectation(expectation, text, {dir})
    if (outcome.ok) return
    const failure: ExpectationFailure = {index, message: outcome.message, actual: outcome.actual}
    if (outcome.diff !== undefined) failure.diff = outcome.diff
    failures.push(failure)
  })
  return failures
}

// `0`, `0,1`, `non-zero`, `any`: what `exit=` accepts, for messages.
export function describeExit(spec: ExitSpec): string {
  if (spec.kind === 'any') return 'any'
  if (spec.kind === 'nonzero') return 'non-zero'
  return spec.codes.join(' or ')
}
