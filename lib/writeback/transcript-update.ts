// `--update` for transcripts (`console`, Scrut, cram `.t`): each command whose output did not
// match gets its expected lines rewritten in place, as `cram -i` does; only those lines change.
import {blessText} from '../assert/index.js'
import {createLocator} from '../parse/positions.js'
import type {Step} from '../model.js'
import type {StepResult} from '../result.js'
import type {Redactor} from '../redact/index.js'
import type {Edit} from './edits.js'
import {sanitize} from './sanitize.js'

// Edits that bless the failed commands of a transcript step.
export function transcriptEdits(source: string, step: Step, result: StepResult, options: {eol: string; redactor: Redactor}): Edit[] {
  const locator = createLocator(source)
  const edits: Edit[] = []
  const indent = ' '.repeat(step.fence.indent)
  const lineCount = source.split('\n').length
  for (const failure of result.expectationFailures) {
    const command = step.transcript?.[failure.index]
    if (!command || command.expectedLine === undefined || command.expectedCount === undefined) continue
    const actual = sanitize(options.redactor.redact(failure.actual))
    const blessed = blessText(command.expected, actual).replace(/\r?\n$/, '')
    const start = locator.lineStart(command.expectedLine)
    const after = command.expectedLine + command.expectedCount
    const end = after > lineCount ? source.length : locator.lineStart(after)
    const lines = blessed === '' ? [] : blessed.split(/\r?\n/)
    const text = lines.map((line) => (line === '' ? indent.trimEnd() : indent + line) + options.eol).join('')
    edits.push({start, end, text})
  }
  return edits
}
