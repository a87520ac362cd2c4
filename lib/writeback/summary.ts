// The `<!-- runbook:summary -->` region: a table of steps, and when, where and with what it ran.
import {formatDuration} from '../duration.js'
import type {RunResult, StepStatus} from '../result.js'
import type {Redactor} from '../redact/index.js'
import {inlineText} from './sanitize.js'
import {countStatuses, statusLabel, summaryLine} from '../report/status.js'

const marks: Record<StepStatus, string> = {
  passed: '✅',
  failed: '❌',
  'timed-out': '⏱️',
  interrupted: '⚠️',
  skipped: '⏭️',
  manual: '✋',
  'not-run': '·',
}

// The summary region's lines; `stable` leaves out dates, durations, host and commit.
export function summaryRegion(result: RunResult, options: {stable: boolean; redactor: Redactor}): string[] {
  const timed = !options.stable
  const lines = ['<!-- runbook:summary -->']
  lines.push(timed ? '| Step | Status | Attempts | Duration |' : '| Step | Status | Attempts |')
  lines.push(timed ? '| :--- | :--- | ---: | ---: |' : '| :--- | :--- | ---: |')
  for (const step of result.steps) {
    // The terminal's words (`failed, allowed to fail`, `skipped (condition)`), so both say the same.
    const status = `${marks[step.status]} ${statusLabel(step)}`
    const cells = [`\`${step.id}\``, status, String(step.attempts)]
    if (timed) cells.push(step.attempts > 0 ? formatDuration(step.durationMs) : '–')
    lines.push(`| ${cells.join(' | ')} |`)
  }
  const verdict = result.interrupted ? `interrupted (${result.interrupted})` : result.ok ? 'passed' : 'failed'
  const n = result.steps.length
  const counts = `${n} step${n === 1 ? '' : 's'} (${summaryLine(countStatuses(result.steps))})`
  const facts = [`**${verdict}**`, counts]
  if (timed) {
    facts.push(`${formatDuration(result.durationMs)}`, result.startedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC'))
    facts.push(`host ${inlineText(options.redactor.redact(result.host))}`)
    if (result.commit) facts.push(`commit ${inlineText(result.commit.slice(0, 12))}`)
  }
  facts.push(`runbook ${inlineText(result.version)}`)
  lines.push('', facts.join(' · '), '<!-- /runbook:summary -->')
  return lines
}
