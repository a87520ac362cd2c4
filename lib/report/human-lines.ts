// The lines the human reporters (tty, plain) share: a step's verdict, its details, the run summary.
import {formatDuration} from '../duration.js'
import type {HostResult, RunResult, StepResult} from '../result.js'
import type {Palette} from './colors.js'
import {failureDetails, type DetailLine} from './failure-details.js'
import {sanitizeLine} from './sanitize.js'
import {countStatuses, isFailedStatus, isFailure, statusLabel, statusSymbol, summaryLine} from './status.js'

// `✓ id (1.2s)`, `✗ id — exit code 3 (expected 0)`, `- id (not run)`, `? id (manual)`.
export function stepLine(result: StepResult, palette: Palette): string {
  const symbol = statusSymbol[result.status]
  const attempts = result.attempts > 1 ? `, ${result.attempts} attempts` : ''
  if (result.status === 'passed') return `${palette.green(symbol)} ${result.id} ${palette.dim(`(${formatDuration(result.durationMs)}${attempts})`)}`
  if (isFailedStatus(result.status)) {
    const paint = result.allowedFailure ? palette.yellow : palette.red
    const reason = result.reason ? ` — ${firstLine(result.reason)}` : ''
    const label = result.allowedFailure ? ', allowed to fail' : ''
    return `${paint(symbol)} ${result.id}${reason}${label} ${palette.dim(`(${formatDuration(result.durationMs)}${attempts})`)}`
  }
  const why = result.reason ? `: ${firstLine(result.reason)}` : ''
  return `${palette.yellow(symbol)} ${result.id} ${palette.dim(`(${statusLabel(result)}${why})`)}`
}

// A step's verdict on one host of its target: `✓ restart@web1 (1.2s)` (SPEC §13).
export function hostLine(result: HostResult, palette: Palette): string {
  return stepLine(asHostStep(result), palette)
}

// A host's result named `id@host`, as reporters show and count it.
export function asHostStep(result: HostResult): StepResult {
  return {...result, id: `${result.id}@${result.host}`}
}

// The indented detail block under a failed step (empty for any other step).
export function detailBlock(result: StepResult, palette: Palette, indent = '    '): string[] {
  if (!isFailedStatus(result.status)) return []
  return failureDetails(result)
    .filter((line, index) => !(index === 0 && line.tone === 'error' && line.text === firstLine(result.reason ?? '')))
    .map((line) => `${indent}${'  '.repeat(line.depth)}${paintDetail({...line, text: clip(line.text)}, palette)}`)
}

// The closing lines: the counts, the time, and an interruption if there was one.
export function summaryLines(results: StepResult[], final: RunResult | undefined, elapsedMs: number, palette: Palette): string[] {
  const counts = countStatuses(results)
  const failed = results.some(isFailure)
  const text = `${summaryLine(counts)} ${palette.dim(`(${formatDuration(final?.durationMs ?? elapsedMs)})`)}`
  const lines = [failed ? palette.red(text) : palette.green(text)]
  if (final?.interrupted) lines.push(palette.yellow(`interrupted by ${final.interrupted}: the report covers the steps that ran`))
  return lines
}

function paintDetail(line: DetailLine, palette: Palette): string {
  switch (line.tone) {
    case 'added':
      return palette.green(line.text)
    case 'removed':
    case 'error':
      return palette.red(line.text)
    case 'hunk':
      return palette.cyan(line.text)
    case 'dim':
      return palette.dim(line.text)
    default:
      return line.text
  }
}

function firstLine(text: string): string {
  return clip(sanitizeLine(text.split('\n')[0] ?? ''))
}

// The longest line a human reporter prints; the evidence logs and --write keep the whole text.
export const maxLineLength = 400

// A line cut to `maxLineLength` characters, saying how much was left out.
export function clip(text: string): string {
  if (text.length <= maxLineLength) return text
  const kept = [...text].slice(0, maxLineLength - 60).join('')
  return `${kept}… (${(text.length - kept.length).toLocaleString('en-US')} more characters)`
}
