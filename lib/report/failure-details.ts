// Why a step failed, as lines the human reporters print: reason, expectation diffs, HTTP results, output.
import type {HttpCheckResult, StepResult} from '../result.js'
import {lastLines} from './output-text.js'
import {sanitizeLine, sanitizeOutput} from './sanitize.js'

// One line of failure details with a hint for colouring.
export interface DetailLine {
  text: string
  tone?: 'added' | 'removed' | 'hunk' | 'dim' | 'error'
  depth: number // indentation level below the step line
}

const outputLines = 10
const bodyChars = 500

// The detail lines for a step that did not pass; `output: false` leaves out the output tail.
export function failureDetails(result: StepResult, options: {output?: boolean} = {}): DetailLine[] {
  const lines: DetailLine[] = []
  if (result.reason) lines.push({text: sanitizeLine(result.reason), tone: 'error', depth: 0})
  for (const failure of result.expectationFailures) {
    lines.push({text: `expectation ${failure.index + 1}: ${sanitizeLine(failure.message)}`, depth: 0})
    if (failure.diff) for (const line of diffLines(failure.diff)) lines.push({...line, depth: 1})
  }
  for (const check of result.checks) if (!check.ok) lines.push(...checkDetails(check))
  if (result.checks.length === 0 && options.output !== false) lines.push(...outputTail(result))
  return lines
}

// One line for an HTTP check: `✗ GET http://… → 500 (12ms)`.
export function checkLine(check: HttpCheckResult): string {
  const outcome = check.error ? sanitizeLine(check.error) : check.status === undefined ? 'no response' : String(check.status)
  const latency = check.latencyMs === undefined ? '' : ` (${Math.round(check.latencyMs)}ms)`
  const row = check.row === undefined ? '' : `row ${check.row + 1}: `
  return `${check.ok ? '✓' : '✗'} ${row}${check.method} ${sanitizeLine(check.url)} → ${outcome}${latency}`
}

function checkDetails(check: HttpCheckResult): DetailLine[] {
  const lines: DetailLine[] = [{text: checkLine(check), tone: 'error', depth: 0}]
  for (const failure of check.failures) lines.push({text: sanitizeLine(failure), depth: 1})
  const headers = Object.entries(check.headers ?? {})
  if (headers.length) {
    lines.push({text: 'headers:', tone: 'dim', depth: 1})
    for (const [name, value] of headers.slice(0, 20)) lines.push({text: `${sanitizeLine(name)}: ${sanitizeLine(value)}`, tone: 'dim', depth: 2})
  }
  if (check.bodyStart) {
    const body = sanitizeOutput(check.bodyStart)
    const cut = body.length > bodyChars ? `${body.slice(0, bodyChars)}…` : body
    lines.push({text: 'body:', tone: 'dim', depth: 1})
    for (const line of cut.split('\n').slice(0, 15)) lines.push({text: line, tone: 'dim', depth: 2})
  }
  return lines
}

function diffLines(diff: string): Array<Omit<DetailLine, 'depth'>> {
  return sanitizeOutput(diff)
    .replace(/\n$/, '')
    .split('\n')
    .map((text) => {
      if (text.startsWith('+++') || text.startsWith('---')) return {text, tone: 'dim' as const}
      if (text.startsWith('@@')) return {text, tone: 'hunk' as const}
      if (text.startsWith('+')) return {text, tone: 'added' as const}
      if (text.startsWith('-')) return {text, tone: 'removed' as const}
      return {text}
    })
}

function outputTail(result: StepResult): DetailLine[] {
  if (result.status === 'not-run' || result.status === 'skipped' || result.status === 'manual') return []
  const lines: DetailLine[] = []
  for (const [name, output] of [['stderr', result.stderr], ['stdout', result.stdout]] as const) {
    const tail = lastLines(output, outputLines)
    if (tail.lines.length === 0) continue
    const more = tail.omitted ? `, last ${tail.lines.length} lines` : ''
    lines.push({text: `${name}${more}:`, tone: 'dim', depth: 0})
    for (const line of tail.lines) lines.push({text: line, tone: 'dim', depth: 1})
  }
  return lines
}
