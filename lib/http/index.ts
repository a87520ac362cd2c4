// STUB — replaced by HTTP checks (issue 4).
import type {Dispatcher} from 'undici'
import type {CheckTable, Step} from '../model.js'
import type {ExpectationFailure, HttpCheckResult} from '../result.js'

export interface HttpContext {
  env: Record<string, string | undefined>
  dir: string
  timeoutMs: number
  signal?: AbortSignal
  dispatcher?: Dispatcher
  onCheck?: (check: HttpCheckResult) => void
}
export interface HttpStepOutcome {
  ok: boolean
  check: HttpCheckResult
  body: string
  captures: Record<string, string>
  reason?: string
  expectationFailures: ExpectationFailure[]
}
export interface CheckTableOutcome {
  ok: boolean
  checks: HttpCheckResult[]
  passed: number
  reason?: string
}
export async function runHttpStep(_step: Step, _context: HttpContext): Promise<HttpStepOutcome> {
  throw new Error('runHttpStep is not built yet')
}
export async function runCheckTable(_table: CheckTable, _context: HttpContext): Promise<CheckTableOutcome> {
  throw new Error('runCheckTable is not built yet')
}
