// Judge one response: status (`status=`, default 2xx), latency (`within=`) and hurl asserts.
import type {HttpAssert, StatusSpec} from '../model.js'
import {formatDuration} from '../duration.js'
import {checkAssert} from './predicate.js'
import type {HttpResponse} from './send.js'
import {defaultStatus, describeStatus, statusAccepted} from './status.js'

// One line per failed rule, in the order a user reads them.
export function judgeResponse(
  response: HttpResponse,
  rules: {status?: StatusSpec; withinMs?: number; asserts: HttpAssert[]},
): string[] {
  const failures: string[] = []
  // Without `status=`, an explicit `status` assert decides instead of the 2xx default (as hurl does).
  const status = rules.status ?? (rules.asserts.some((a) => a.query.type === 'status') ? undefined : defaultStatus)
  if (status && !statusAccepted(status, response.status)) failures.push(`status ${response.status} (expected ${describeStatus(status)})`)
  if (rules.withinMs !== undefined && response.latencyMs > rules.withinMs) {
    failures.push(`took ${formatDuration(response.latencyMs)} (expected within ${formatDuration(rules.withinMs)})`)
  }
  for (const assert of rules.asserts) {
    const failure = checkAssert(assert, response)
    if (failure) failures.push(failure)
  }
  return failures
}
