// `runCheckTable`: each row of a check table is a request (`base` + path, `${VAR}`), judged by
// its expected status alternatives and assertions; `threshold=` says how many rows must pass.
import type {CheckRow, CheckTable} from '../model.js'
import type {HttpCheckResult} from '../result.js'
import {interpolate} from '../interpolate.js'
import {checkReason, checkResult} from './check-result.js'
import type {CheckTableOutcome, HttpContext} from './context.js'
import {judgeResponse} from './judge.js'
import {sendRequest, type HttpResponse} from './send.js'

// Run every row in order (each reported through `onCheck`), then apply the threshold.
export async function runCheckTable(table: CheckTable, context: HttpContext): Promise<CheckTableOutcome> {
  const checks: HttpCheckResult[] = []
  for (const row of table.rows) {
    if (context.signal?.aborted) break
    const check = await runRow(table, row, context)
    checks.push(check)
    context.onCheck?.(check)
  }
  const passed = checks.filter((c) => c.ok).length
  const total = table.rows.length
  const needed = table.threshold ? table.threshold.pass : total
  const ok = passed >= needed
  const outcome: CheckTableOutcome = {ok, checks, passed}
  if (!ok) {
    const rule = table.threshold ? `threshold ${table.threshold.pass}/${table.threshold.of}` : 'all must pass'
    const first = checks.find((c) => !c.ok)
    outcome.reason = `${passed} of ${total} checks passed (${rule})${first ? `; first failure: ${checkReason(first)}` : ''}`
  }
  return outcome
}

async function runRow(table: CheckTable, row: CheckRow, context: HttpContext): Promise<HttpCheckResult> {
  const method = (row.method || 'GET').toUpperCase()
  const url = resolveUrl(interpolate(table.base ?? '', context.env), interpolate(row.url, context.env))
  let response: HttpResponse | undefined
  let error: string | undefined
  try {
    response = await sendRequest({method, url, headers: []}, {timeoutMs: context.timeoutMs, signal: context.signal, dispatcher: context.dispatcher})
  } catch (e) {
    error = (e as Error).message
  }
  const failures = response ? judgeResponse(response, {status: row.status, withinMs: table.options.withinMs, asserts: row.asserts}) : []
  return checkResult({stepId: table.id, row: row.index, method, url, response, failures, error, redact: context.redact})
}

// `base` + a row's path; an absolute URL in the row stands on its own.
export function resolveUrl(base: string, path: string): string {
  const cell = path.trim().replace(/^`|`$/g, '')
  if (/^https?:\/\//i.test(cell) || !base) return cell
  return `${base.replace(/\/+$/, '')}/${cell.replace(/^\/+/, '')}`
}
