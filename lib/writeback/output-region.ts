// The `<!-- runbook:output -->` region of one executed step: status, why it failed, its output.
import {formatDuration} from '../duration.js'
import type {Step} from '../model.js'
import type {StepResult} from '../result.js'
import type {Redactor} from '../redact/index.js'
import {fencedLines} from './fence.js'
import {inlineText, sanitize} from './sanitize.js'
import {shortenOutput} from './shorten.js'
import {artifactLines} from './artifact-links.js'

// What a region depends on besides the step and its result.
export interface RegionOptions {
  stable: boolean
  maxLines: number
  redactor: Redactor
  evidenceLink?: string // where the evidence folder is, relative to the document: artifacts are linked there
}

const failing = new Set(['failed', 'timed-out', 'interrupted'])

// The region's lines (without EOL or container prefix).
export function outputRegion(step: Step, result: StepResult, options: RegionOptions): string[] {
  const clean = (text: string) => sanitize(options.redactor.redact(text))
  const attributes = [`id=${result.id}`, `status=${result.status}`]
  if (!options.stable) attributes.push(`duration=${formatDuration(result.durationMs)}`)
  const lines = [`<!-- runbook:output ${attributes.join(' ')} -->`]
  if (failing.has(result.status) || result.allowedFailure) {
    lines.push(`**${result.status}${result.allowedFailure ? ' (allowed)' : ''}:** ${inlineText(options.redactor.redact(failureReason(result)))}`, '')
    for (const failure of result.expectationFailures) {
      lines.push(`Expectation ${failure.index + 1}: ${inlineText(options.redactor.redact(failure.message))}`, '')
      if (failure.diff) lines.push(...fencedLines('diff', clean(failure.diff).replace(/\n$/, '')), '')
    }
  }
  if (result.status === 'manual') {
    lines.push(`**manual:** ${inlineText(options.redactor.redact(result.reason ?? 'do it by hand'))}`)
  } else if (result.status === 'skipped' && result.condition?.met === false) {
    const exit = /\(exit [^)]*\)$/.exec(result.reason ?? '')?.[0] ?? ''
    lines.push(`**skipped (condition):** ${codeSpan(options.redactor.redact(result.condition.text))} was false ${exit}`.trimEnd())
  } else if (result.hosts) {
    lines.push(...hostsSection(step, result, options, clean))
  } else if (step.options.output !== 'hide') {
    const blocks: string[] = []
    const checks = result.checks.map((check) => clean(checkLine(check, options.stable))).join('\n')
    if (checks !== '') blocks.push(...fencedLines('text', checks))
    const stdout = clean(shortenOutput(result.stdout, options.maxLines))
    if (stdout !== '') blocks.push(...fencedLines('text', stdout))
    const stderr = clean(shortenOutput(result.stderr, options.maxLines))
    if (stderr !== '') blocks.push(...fencedLines('text stderr', stderr))
    if (blocks.length > 0 && step.options.output === 'collapse') {
      lines.push('<details><summary>Output</summary>', '', ...blocks, '', '</details>')
    } else {
      lines.push(...blocks)
    }
  }
  while (lines[lines.length - 1] === '') lines.pop()
  if (result.artifacts) lines.push(...artifactLines(result, options))
  lines.push('<!-- /runbook:output -->')
  return lines
}

// A step on a fleet (SPEC §13): a small table of hosts, then each host's output collapsed.
function hostsSection(step: Step, result: StepResult, options: RegionOptions, clean: (text: string) => string): string[] {
  const hosts = result.hosts ?? []
  const lines = options.stable ? ['| host | status |', '| --- | --- |'] : ['| host | status | duration |', '| --- | --- | --- |']
  for (const host of hosts) {
    const name = inlineText(host.host) // `|` is escaped there already: a second backslash would end the cell
    lines.push(options.stable ? `| ${name} | ${host.status} |` : `| ${name} | ${host.status} | ${host.attempts > 0 ? formatDuration(host.durationMs) : '—'} |`)
  }
  lines.push('')
  if (step.options.output === 'hide') return lines
  for (const host of hosts) {
    const blocks: string[] = []
    if (host.status !== 'passed' && host.reason) blocks.push(inlineText(options.redactor.redact(host.reason)), '')
    const stdout = clean(shortenOutput(host.stdout, options.maxLines))
    if (stdout !== '') blocks.push(...fencedLines('text', stdout))
    const stderr = clean(shortenOutput(host.stderr, options.maxLines))
    if (stderr !== '') blocks.push(...fencedLines('text stderr', stderr))
    if (blocks.length === 0) continue
    lines.push(`<details><summary>${inlineText(host.host).replace(/</g, '&lt;')}</summary>`, '', ...blocks, '', '</details>', '')
  }
  return lines
}

// One line saying why a step failed: the executor's reason, else what its status and exit code say.
export function failureReason(result: StepResult): string {
  if (result.reason) return result.reason
  if (result.status === 'timed-out') return 'timed out'
  if (result.status === 'interrupted') return 'interrupted'
  if (result.expectationFailures.length > 0) return 'expected output did not match'
  if (result.exitCode !== null && result.exitCode !== 0) return `exit code ${result.exitCode}`
  if (result.signal) return `killed by ${result.signal}`
  return result.status
}

function checkLine(check: StepResult['checks'][number], stable: boolean): string {
  const parts = [`${check.ok ? '✔' : '✘'} ${check.method} ${check.url}`]
  if (check.status !== undefined) parts.push(`→ ${check.status}`)
  if (!stable && check.latencyMs !== undefined) parts.push(`· ${Math.round(check.latencyMs)} ms`)
  if (check.error) parts.push(`· ${check.error}`)
  const failures = check.failures.map((failure) => `  ${failure}`)
  return [parts.join(' '), ...failures].join('\n')
}

// Text as an inline code span whose backtick run is longer than any inside it.
function codeSpan(text: string): string {
  const flat = sanitize(text).replace(/\s*\n\s*/g, ' ')
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length))
  const ticks = '`'.repeat(longest + 1)
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : ''
  return `${ticks}${pad}${flat}${pad}${ticks}`
}
