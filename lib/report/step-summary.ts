// The Markdown table appended to `$GITHUB_STEP_SUMMARY`: one row per step, then the counts.
import {formatDuration} from '../duration.js'
import type {RunResult, StepResult} from '../result.js'
import {sanitizeLine} from './sanitize.js'
import {countStatuses, isFailure, summaryLine} from './status.js'

const icon: Record<StepResult['status'], string> = {
  passed: '✅',
  failed: '❌',
  'timed-out': '⏱️',
  interrupted: '⛔',
  skipped: '⏭️',
  'not-run': '⏭️',
  manual: '✋',
}

// The summary section for one runbook run, as GitHub-flavoured Markdown.
export function renderStepSummary(runbook: string, results: StepResult[], final: RunResult | undefined, lines: Map<string, number>): string {
  const failed = results.some(isFailure)
  const verdict = final?.interrupted ? `interrupted (${final.interrupted})` : failed ? 'failed' : 'passed'
  const out = [`### runbook \`${cell(runbook)}\`: ${verdict}`, '', '| Step | Status | Attempts | Duration | Line | Reason |', '| --- | --- | ---: | ---: | ---: | --- |']
  for (const result of results) {
    const duration = result.attempts > 0 ? formatDuration(result.durationMs) : ''
    const reason = result.reason ? cell(result.reason) : ''
    const status = result.allowedFailure ? `⚠️ ${result.status} (allowed)` : `${icon[result.status]} ${result.status}`
    out.push(`| \`${cell(result.id)}\` | ${status} | ${result.attempts} | ${duration} | ${lines.get(result.id) ?? ''} | ${reason} |`)
  }
  out.push('', `${summaryLine(countStatuses(results))}${final ? ` in ${formatDuration(final.durationMs)}` : ''}`, '', '')
  return out.join('\n')
}

// A table cell: one line, pipes and backticks escaped, HTML kept inert.
function cell(text: string): string {
  return sanitizeLine(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, "'").replace(/</g, '&lt;').replace(/>/g, '&gt;').slice(0, 300)
}
