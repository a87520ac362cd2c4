// `runHttpStep`: send an `http` step's request (`${VAR}` interpolated), judge status, latency,
// [Asserts] and `{expect}` blocks on the body, and return [Captures] for later steps.
import type {Step} from '../model.js'
import type {ExpectationFailure} from '../result.js'
import {interpolate} from '../interpolate.js'
import {matchExpectation} from '../assert/expectation.js'
import {takeCaptures} from './captures.js'
import {checkReason, checkResult} from './check-result.js'
import type {HttpContext, HttpStepOutcome} from './context.js'
import {judgeResponse} from './judge.js'
import {sendRequest, type HttpResponse} from './send.js'

// Run one http step; never throws for a failed request: the outcome says why.
export async function runHttpStep(step: Step, context: HttpContext): Promise<HttpStepOutcome> {
  const spec = step.http
  if (!spec) throw new Error(`step ${step.id} has no HTTP request`)
  const env = context.env
  const method = spec.method.toUpperCase()
  const url = interpolate(spec.url, env)
  const headers = spec.headers.map(([name, value]): [string, string] => [name, interpolate(value, env)])
  const body = spec.body === undefined ? undefined : interpolate(spec.body, env)
  let response: HttpResponse | undefined
  let error: string | undefined
  try {
    response = await sendRequest({method, url, headers, body}, {timeoutMs: context.timeoutMs, signal: context.signal, dispatcher: context.dispatcher})
  } catch (e) {
    error = (e as Error).message
  }
  const failures: string[] = []
  const expectationFailures: ExpectationFailure[] = []
  let captures: Record<string, string> = {}
  if (response) {
    failures.push(...judgeResponse(response, {status: step.options.status, withinMs: step.options.withinMs, asserts: spec.asserts}))
    const taken = takeCaptures(spec.captures, response)
    captures = taken.values
    failures.push(...taken.failures)
    step.expectations.forEach((expectation, index) => {
      const outcome = matchExpectation(expectation, {stdout: response!.body, stderr: '', all: response!.body}, {dir: context.dir})
      if (!outcome.ok) expectationFailures.push({index, message: outcome.message, diff: outcome.diff, actual: outcome.actual})
    })
  }
  const check = checkResult({
    stepId: step.id,
    method,
    url,
    response,
    failures: [...failures, ...expectationFailures.map((f) => `body: ${f.message}`)],
    error,
    redact: context.redact,
  })
  context.onCheck?.(check)
  const outcome: HttpStepOutcome = {ok: check.ok, check, body: response?.body ?? '', captures, expectationFailures}
  const reason = checkReason(check)
  if (reason) outcome.reason = reason
  return outcome
}
