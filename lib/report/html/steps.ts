// Each step as a <details> block — open when it failed — with command, status, attempts, duration,
// output, expectation diffs, HTTP checks, and links to its evidence files.
import {formatDuration} from '../../duration.js'
import type {HttpCheckResult, StepResult} from '../../result.js'
import {safeName} from '../../evidence/paths.js'
import {capturedText} from '../output-text.js'
import {plannedStep, resultsInOrder} from '../run-state.js'
import {isFailedStatus, statusLabel, statusSymbol} from '../status.js'
import {escapeHtml} from './escape.js'
import type {HtmlFile} from './model.js'
import {anchor} from './timeline.js'

// The steps section of one file.
export function renderSteps(part: HtmlFile): string {
  return resultsInOrder(part.state).map((result) => renderStep(part, result)).join('\n')
}

function renderStep(part: HtmlFile, result: StepResult): string {
  const text = (value: string) => escapeHtml(part.redact(value))
  const failed = isFailedStatus(result.status) && !result.allowedFailure
  const step = plannedStep(part.state, result.id)
  const facts = [
    ['status', statusLabel(result)],
    ['attempts', String(result.attempts)],
    ['duration', formatDuration(result.durationMs)],
    ...(result.exitCode === null ? [] : [['exit code', String(result.exitCode)]]),
    ...(step ? [['line', `${part.file}:${step.line}`]] : []),
    ...(result.reason ? [['why', result.reason]] : []),
  ]
  const body: string[] = [`<dl>${facts.map(([k, v]) => `<dt>${escapeHtml(k!)}</dt><dd>${text(v!)}</dd>`).join('')}</dl>`]
  if (result.command) body.push(`<h4>Command</h4><pre class="cmd">${text(result.command)}</pre>`)
  for (const failure of result.expectationFailures) {
    body.push(`<h4>Expectation ${failure.index + 1}</h4><p>${text(failure.message)}</p>`)
    if (failure.diff) body.push(`<pre class="diff">${diffHtml(part.redact(failure.diff))}</pre>`)
  }
  if (result.checks.length) body.push(checksTable(result.checks, text))
  for (const [name, output] of [['stdout', result.stdout], ['stderr', result.stderr]] as const) {
    const shown = capturedText(output)
    if (shown) body.push(`<h4>${name}</h4><pre class="out">${text(shown)}</pre>`)
  }
  const links = evidenceLinks(part, result)
  if (links) body.push(links)
  const open = failed ? ' open' : ''
  const summary = `<summary><span class="sym s-${result.status}">${statusSymbol[result.status]}</span> <code>${escapeHtml(result.id)}</code> <span class="meta">${escapeHtml(statusLabel(result))} · ${escapeHtml(formatDuration(result.durationMs))}</span></summary>`
  return `<details class="step s-${result.status}${failed ? ' failed' : ''}" id="${escapeHtml(anchor(part.file, result.id))}"${open}>${summary}<div class="body">${body.join('\n')}</div></details>`
}

// A check table's rows (or an http step's one check) with their verdicts.
function checksTable(checks: HttpCheckResult[], text: (value: string) => string): string {
  const rows = checks.map((check) => {
    const outcome = check.error ?? (check.status === undefined ? 'no response' : String(check.status))
    const latency = check.latencyMs === undefined ? '' : `${Math.round(check.latencyMs)} ms`
    return `<tr class="${check.ok ? 'ok' : 'bad'}"><td>${check.ok ? '✓' : '✗'}</td><td>${text(check.method)}</td><td>${text(check.url)}</td><td>${text(outcome)}</td><td>${latency}</td><td>${text(check.failures.join('; '))}</td></tr>`
  })
  return `<h4>Checks</h4><table class="checks"><thead><tr><th></th><th>method</th><th>url</th><th>result</th><th>latency</th><th>failures</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
}

function diffHtml(diff: string): string {
  return diff
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => {
      const kind = line.startsWith('+++') || line.startsWith('---') ? 'dim' : line.startsWith('@@') ? 'hunk' : line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : ''
      return kind ? `<span class="${kind}">${escapeHtml(line)}</span>` : escapeHtml(line)
    })
    .join('\n')
}

function evidenceLinks(part: HtmlFile, result: StepResult): string {
  if (!part.evidence || result.status === 'not-run' || result.status === 'skipped') return ''
  const base = `${part.evidence}/steps/${encodeURIComponent(safeName(result.id))}`
  const files = ['cmd.txt', 'stdout.log', 'stderr.log']
  return `<p class="evidence">Evidence: ${files.map((f) => `<a href="${escapeHtml(`${base}/${f}`)}">${f}</a>`).join(' · ')}</p>`
}
