// The `HttpCheckResult` of one request: what reporters, write-back and evidence show. A failed
// check keeps the response's status, headers and the start of its body, so the report says why.
import type {HttpCheckResult} from '../result.js'
import type {HttpResponse} from './send.js'

const bodyStartChars = 2048

// Build a check result; everything user-visible goes through `redact`.
export function checkResult(input: {
  stepId: string
  row?: number
  method: string
  url: string
  response?: HttpResponse
  failures: string[]
  error?: string
  redact?: (text: string) => string
}): HttpCheckResult {
  const redact = input.redact ?? ((text: string) => text)
  const ok = input.failures.length === 0 && input.error === undefined
  const result: HttpCheckResult = {
    stepId: input.stepId,
    method: input.method,
    url: redact(input.url),
    ok,
    failures: input.failures.map(redact),
  }
  if (input.row !== undefined) result.row = input.row
  if (input.error !== undefined) result.error = redact(input.error)
  if (input.response) {
    result.status = input.response.status
    result.latencyMs = input.response.latencyMs
    if (!ok) {
      result.headers = Object.fromEntries(Object.entries(input.response.headers).map(([k, v]) => [k, redact(v)]))
      result.bodyStart = redact(bodyStart(input.response.body))
    }
  }
  return result
}

function bodyStart(body: string): string {
  if (body.length <= bodyStartChars) return body
  let end = bodyStartChars
  if (/[\uD800-\uDBFF]/.test(body[end - 1]!)) end--
  return `${body.slice(0, end)}… (${body.length - end} more characters)`
}

// One line for a failed check: `GET /readyz → 503 (expected 200)`, the first failure first.
export function checkReason(check: HttpCheckResult): string | undefined {
  if (check.ok) return undefined
  const first = check.error ?? check.failures[0] ?? 'failed'
  const more = check.failures.length > 1 ? ` (+${check.failures.length - 1} more)` : ''
  return `${check.method} ${check.url}: ${first}${more}`
}
