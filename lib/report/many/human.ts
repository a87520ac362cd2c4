// tty and plain over many files: one line per file as it ends, a failing file's whole report under
// its line, skipped files counted, and a total.
import type {Writable} from 'node:stream'
import {formatDuration} from '../../duration.js'
import {createPalette, type Palette} from '../colors.js'
import {createPlainReporter} from '../plain.js'
import {sanitizeLine} from '../sanitize.js'
import {countStatuses, isFailure, summaryLine} from '../status.js'
import type {StepResult} from '../../result.js'
import {writeAndFlush} from '../write.js'
import {createTextBuffer, type TextBuffer} from './buffer.js'
import type {FileOutcome, ManyReporter, ManyReporterOptions} from './types.js'

// The human many-file reporter writing to `out`.
export function createManyHuman(out: Writable, options: ManyReporterOptions): ManyReporter {
  const palette = createPalette(options.color)
  const buffers = new Map<string, TextBuffer>()
  const files = {passed: 0, failed: 0, errors: 0, interrupted: 0}
  const skipped: string[] = []
  const steps: StepResult[] = []
  const startedAt = Date.now()
  return {
    start(file) {
      const buffer = createTextBuffer()
      buffers.set(file, buffer)
      return createPlainReporter(buffer, {color: options.color})
    },
    end(file, outcome) {
      const details = buffers.get(file)?.text() ?? ''
      buffers.delete(file)
      if (outcome.result) steps.push(...outcome.result.steps)
      if (outcome.code === 0) files.passed += 1
      else if (outcome.code === 1) files.failed += 1
      else if (outcome.code >= 128) files.interrupted += 1
      else files.errors += 1
      const lines = [fileLine(file, outcome, palette)]
      if (outcome.code !== 0) {
        if (details) lines.push(...indent(details))
        if (outcome.error) lines.push(...indent(outcome.error).map((line) => palette.red(line)))
        lines.push('')
      }
      out.write(`${lines.join('\n')}\n`)
    },
    skip(file, why) {
      skipped.push(`${sanitizeLine(file)} (${why})`)
    },
    async close() {
      const lines: string[] = []
      if (skipped.length) lines.push(palette.dim(`skipped: ${skipped.join(', ')}`))
      const parts = [`${files.passed} passed`, `${files.failed} failed`]
      if (files.errors) parts.push(`${files.errors} invalid`)
      if (files.interrupted) parts.push(`${files.interrupted} interrupted`)
      parts.push(`${skipped.length} skipped`)
      const bad = files.failed + files.errors + files.interrupted > 0
      const total = `Files: ${parts.join(', ')} · Steps: ${summaryLine(countStatuses(steps))} (${formatDuration(Date.now() - startedAt)})`
      lines.push(bad ? palette.red(total) : palette.green(total))
      await writeAndFlush(out, `${lines.join('\n')}\n`)
    },
  }
}

// `✓ docs/a.md — 3 passed, 0 failed, 0 skipped (1.2s)`; `✗ …` for a failure, `! …` for an invalid file.
function fileLine(file: string, outcome: FileOutcome, palette: Palette): string {
  const name = sanitizeLine(file)
  const result = outcome.result
  const counts = result ? ` — ${summaryLine(countStatuses(result.steps))}` : ''
  const time = result ? ` ${palette.dim(`(${formatDuration(result.durationMs)})`)}` : ''
  if (outcome.code === 0) return `${palette.green('✓')} ${name}${counts}${time}`
  if (outcome.code >= 128) return `${palette.yellow('✗')} ${name} — interrupted${counts}${time}`
  if (outcome.code === 1 || (result && result.steps.some(isFailure))) return `${palette.red('✗')} ${name}${counts}${time}`
  return `${palette.red('!')} ${name} — not run: ${outcome.code === 2 ? 'invalid runbook or missing input' : 'internal error'}`
}

function indent(text: string): string[] {
  return text.replace(/\n$/, '').split('\n').map((line) => (line ? `    ${line}` : line))
}
