// How each step status is shown and counted, shared by every reporter so they agree.
import type {StepResult, StepStatus} from '../result.js'

// The symbol a human reporter prints before a step id.
export const statusSymbol: Record<StepStatus, string> = {
  passed: '✓',
  failed: '✗',
  'timed-out': '✗',
  interrupted: '✗',
  skipped: '-',
  'not-run': '-',
  manual: '?',
}

// A step that made the run fail (an allowed failure does not).
export function isFailure(result: StepResult): boolean {
  return isFailedStatus(result.status) && !result.allowedFailure
}

// Statuses that mean the step went wrong.
export function isFailedStatus(status: StepStatus): boolean {
  return status === 'failed' || status === 'timed-out' || status === 'interrupted'
}

// Statuses for steps that did not run to a verdict (TAP `# SKIP`, JUnit `<skipped>`).
export function isSkippedStatus(status: StepStatus): boolean {
  return status === 'skipped' || status === 'not-run' || status === 'manual'
}

// How many steps ended in each status.
export type StatusCounts = Record<StepStatus, number> & {allowed: number}

// Count the steps of a run by status; allowed failures are counted apart from real ones.
export function countStatuses(results: StepResult[]): StatusCounts {
  const counts: StatusCounts = {passed: 0, failed: 0, 'timed-out': 0, interrupted: 0, skipped: 0, 'not-run': 0, manual: 0, allowed: 0}
  for (const result of results) {
    if (result.allowedFailure && isFailedStatus(result.status)) counts.allowed += 1
    else counts[result.status] += 1
  }
  return counts
}

// `3 passed, 1 failed, 1 skipped`: every non-zero count, passed/failed/skipped always shown.
export function summaryLine(counts: StatusCounts): string {
  const parts = [`${counts.passed} passed`, `${counts.failed} failed`]
  if (counts.allowed) parts.push(`${counts.allowed} allowed to fail`)
  if (counts['timed-out']) parts.push(`${counts['timed-out']} timed out`)
  if (counts.interrupted) parts.push(`${counts.interrupted} interrupted`)
  if (counts['not-run']) parts.push(`${counts['not-run']} not run`)
  if (counts.manual) parts.push(`${counts.manual} manual`)
  parts.push(`${counts.skipped} skipped`)
  return parts.join(', ')
}

// The short words after a step that did not pass: `timed out`, `not run`, `allowed to fail`.
export function statusLabel(result: StepResult): string {
  if (result.allowedFailure && isFailedStatus(result.status)) return `${result.status.replace('-', ' ')}, allowed to fail`
  if (result.status === 'skipped' && result.condition?.met === false) return 'skipped (condition)'
  return result.status.replace('-', ' ')
}
