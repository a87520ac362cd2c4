// `--update`: rewrite failed `{expect}` blocks with the actual output, only the lines that did not match.
import {blessText} from '../assert/index.js'
import type {Expectation, Step} from '../model.js'
import type {StepResult} from '../result.js'
import type {Redactor} from '../redact/index.js'
import type {Edit} from './edits.js'
import {longestRun} from './fence.js'
import {linePrefix} from './place.js'
import {sanitize} from './sanitize.js'
import {transcriptEdits} from './transcript-update.js'

// Edits that bless each failed expectation of a step (schema expectations cannot be blessed).
export function updateEdits(source: string, step: Step, result: StepResult, options: {eol: string; redactor: Redactor}): Edit[] {
  const edits: Edit[] = []
  if (step.transcript) return transcriptEdits(source, step, result, options)
  for (const failure of result.expectationFailures) {
    const expectation = step.expectations[failure.index]
    if (!expectation || expectation.kind === 'schema') continue
    const actual = sanitize(options.redactor.redact(failure.actual))
    const body = expectation.kind === 'json' ? blessJson(actual) : blessText(expectation.body, actual, {mode: expectation.mode})
    edits.push(...blockEdits(source, expectation, body, options.eol))
  }
  return edits
}

// Replace an expectation's body, lengthening both fences when the new body holds a fence-long run.
function blockEdits(source: string, expectation: Expectation, body: string, eol: string): Edit[] {
  const {bodySpan, span, fence} = expectation
  if (bodySpan.end.offset >= span.end.offset) return [] // never closed: leave it alone
  const closeAt = source.indexOf(fence.char, bodySpan.end.offset)
  const prefix = linePrefix(source, closeAt)
  const lines = body.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n')
  const text = body === '' ? '' : lines.map((line) => (line === '' ? prefix.trimEnd() : prefix + line)).join(eol) + eol
  const edits: Edit[] = [{start: bodySpan.start.offset, end: bodySpan.end.offset, text}]
  const run = longestRun(body, fence.char)
  if (run >= fence.length) {
    const longer = fence.char.repeat(run + 1)
    edits.push({start: span.start.offset, end: span.start.offset + fence.length, text: longer})
    let closeEnd = closeAt
    while (source[closeEnd] === fence.char) closeEnd++
    edits.push({start: closeAt, end: closeEnd, text: longer})
  }
  return edits
}

// JSON output pretty-printed when it parses, else as it came.
function blessJson(actual: string): string {
  try {
    return JSON.stringify(JSON.parse(actual), null, 2)
  } catch {
    return actual
  }
}
