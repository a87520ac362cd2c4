// The types HTTP checks share with the executor: what they need to run and what they return.
import type {Dispatcher} from 'undici'
import type {ExpectationFailure, HttpCheckResult} from '../result.js'

// What an http step or check table runs with.
export interface HttpContext {
  env: Record<string, string | undefined> // `${VAR}` values
  dir: string // the runbook's folder (for `schema=` paths)
  timeoutMs: number // per request
  signal?: AbortSignal // aborts requests in flight (interrupts)
  dispatcher?: Dispatcher // undici dispatcher, injectable (tests, proxies)
  onCheck?: (check: HttpCheckResult) => void // called once per request, as soon as it is judged
  redact?: (text: string) => string // masks secrets in URLs, headers and bodies kept in results
}

// The outcome of an http step.
export interface HttpStepOutcome {
  ok: boolean
  check: HttpCheckResult
  body: string // the response body (the step's "stdout")
  captures: Record<string, string> // [Captures]: later steps see them as variables
  reason?: string // one readable line when it failed
  expectationFailures: ExpectationFailure[]
}

// The outcome of a check table: one result per row, in row order.
export interface CheckTableOutcome {
  ok: boolean
  checks: HttpCheckResult[]
  passed: number
  reason?: string
}
