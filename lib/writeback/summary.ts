// The `<!-- runbook:summary -->` region: a table of steps, and when, where and with what it ran.
import {formatDuration} from '../duration.js'
import type {RunResult, StepStatus} from '../result.js'
import type {Redactor} from '../redact/index.js'
import {inlineText} from './sanitize.js'

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
    const status = `${marks[step.status]} ${step.status}${step.allowedFailure ? ' (allowed)' : ''}${step.condition?.met === false ? ' (condition)' : ''}`
    const cells = [`\`${step.id}\``, status, String(step.attempts)]
    if (timed) cells.push(step.attempts > 0 ? formatDuration(step.durationMs) : '–')
    lines.push(`| ${cells.join(' | ')} |`)
  }
  const verdict = result.interrupted ? `interrupted (${result.interrupted})` : result.ok ? 'passed' : 'failed'
  const counts = countBy(result.steps.map((step) => step.status))
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

function countBy(statuses: StepStatus[]): string {
  const counts = new Map<StepStatus, number>()
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1)
  const total = `${statuses.length} step${statuses.length === 1 ? '' : 's'}`
  const parts = [...counts].map(([status, n]) => `${n} ${status}`)
  return parts.length > 0 ? `${total} (${parts.join(', ')})` : total
}
