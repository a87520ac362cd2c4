// The whole report: a summary of every file, then one section per file with its timeline and steps.
import {formatDuration} from '../../duration.js'
import {resultsInOrder} from '../run-state.js'
import {countStatuses, isFailure, summaryLine} from '../status.js'
import {escapeHtml, relativeHref} from './escape.js'
import type {HtmlFile} from './model.js'
import {renderPage} from './page.js'
import {renderSteps} from './steps.js'
import {anchor, renderTimeline} from './timeline.js'

type Verdict = 'passed' | 'failed' | 'error' | 'interrupted' | 'skipped'

// The HTML document for the files of a run, in the order given.
export function renderHtmlReport(parts: HtmlFile[]): string {
  const ran = parts.filter((part) => !part.skipped)
  const verdicts = parts.map(verdictOf)
  const allResults = ran.flatMap((part) => resultsInOrder(part.state))
  const bad = verdicts.some((v) => v === 'failed' || v === 'error' || v === 'interrupted')
  const first = ran.find((part) => part.state.final)?.state.final
  const title = parts.length === 1 ? `runbook: ${parts[0]!.file}` : `runbook: ${ran.length} files`
  const count = (verdict: Verdict) => verdicts.filter((v) => v === verdict).length
  const fileCounts = `${count('passed')} passed, ${count('failed')} failed${count('error') ? `, ${count('error')} invalid` : ''}${count('interrupted') ? `, ${count('interrupted')} interrupted` : ''}, ${count('skipped')} skipped`
  const facts: Array<[string, string]> = [
    ['files', fileCounts],
    ['steps', summaryLine(countStatuses(allResults))],
    ['duration', formatDuration(ran.reduce((sum, part) => sum + (part.state.final?.durationMs ?? 0), 0))],
    ...(first ? ([['started', first.startedAt], ['host', first.host], ['runbook version', first.version]] as Array<[string, string]>) : []),
    ...(first?.commit ? ([['commit', first.commit]] as Array<[string, string]>) : []),
  ]
  const index = parts.map((part, i) => {
    const verdict = verdicts[i]!
    const results = resultsInOrder(part.state)
    const link = part.skipped ? escapeHtml(part.file) : `<a href="#${escapeHtml(fileAnchor(part.file))}">${escapeHtml(part.file)}</a>`
    const evidence = part.evidence ? `<a href="${escapeHtml(part.evidence)}/manifest.json">manifest</a> · <a href="${escapeHtml(part.evidence)}/report.md">report.md</a>` : ''
    const steps = part.skipped ? escapeHtml(part.skipped) : part.error ? 'not run' : summaryLine(countStatuses(results))
    return `<tr class="${verdict === 'passed' ? 'ok' : verdict === 'skipped' ? '' : 'bad'}"><td>${verdict}</td><td>${link}</td><td>${escapeHtml(steps)}</td><td>${evidence}</td></tr>`
  })
  const body = [
    `<header><h1>${escapeHtml(title)} <span class="badge ${bad ? 'bad' : ''}">${bad ? 'failed' : 'passed'}</span></h1>`,
    `<dl class="summary">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`,
    `<table class="files"><thead><tr><th>result</th><th>file</th><th>steps</th><th>evidence</th></tr></thead><tbody>${index.join('')}</tbody></table></header>`,
    ...ran.map((part) => renderFile(part, verdictOf(part))),
  ]
  return renderPage(title, body.join('\n'))
}

function renderFile(part: HtmlFile, verdict: Verdict): string {
  const head = `<h2><span class="${verdict === 'passed' ? 'ok' : 'bad'}">${verdict === 'passed' ? '✓' : '✗'}</span> ${escapeHtml(part.file)}</h2>`
  if (part.error) return `<section class="file" id="${escapeHtml(fileAnchor(part.file))}">${head}<pre class="bad">${escapeHtml(part.redact(part.error))}</pre></section>`
  const interrupted = part.state.final?.interrupted ? `<p class="bad">Interrupted by ${escapeHtml(part.state.final.interrupted)}: the report covers the steps that ran.</p>` : ''
  const rows = resultsInOrder(part.state).map(
    (r) => `<tr class="s-${r.status}"><td><a href="#${escapeHtml(anchor(part.file, r.id))}">${escapeHtml(r.id)}</a></td><td>${escapeHtml(r.status)}</td><td>${r.attempts}</td><td>${escapeHtml(formatDuration(r.durationMs))}</td></tr>`,
  )
  const table = `<table class="steps"><thead><tr><th>step</th><th>status</th><th>attempts</th><th>duration</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  return `<section class="file" id="${escapeHtml(fileAnchor(part.file))}">${head}${interrupted}${table}${renderTimeline(part)}<h3>Steps</h3>${renderSteps(part)}</section>`
}

function verdictOf(part: HtmlFile): Verdict {
  if (part.skipped) return 'skipped'
  if (part.error) return 'error'
  if (part.state.final?.interrupted) return 'interrupted'
  const results = resultsInOrder(part.state)
  return part.state.final?.ok === false || results.some(isFailure) ? 'failed' : 'passed'
}

function fileAnchor(file: string): string {
  return `file-${file.replace(/[^A-Za-z0-9_-]/g, '_')}`
}

// The href of an evidence folder as seen from the report's folder, or undefined when it cannot be linked.
export function evidenceHref(evidenceDir: string | undefined, reportDir: string | undefined, relative: (from: string, to: string) => string): string | undefined {
  if (!evidenceDir || !reportDir) return undefined
  return relativeHref(relative(reportDir, evidenceDir) || '.')
}
