// Checks of a parsed runbook that `run` and `list` make before anything runs: broken ` (re)` lines
// in expected text, and `schema=` files that are missing or are not JSON (SPEC: "before the run").
import {FileReadError, readRegularTextSync} from '../read-file.js'
import path from 'node:path'
import {checkTextPatterns} from '../assert/check-patterns.js'
import {Diagnostic} from '../diagnostic.js'
import type {Expectation, Point, Runbook} from '../model.js'

// One error per broken pattern line or unusable schema file, with its file:line:column.
export function preflightDiagnostics(runbook: Runbook): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const step of runbook.steps) {
    for (const expectation of step.expectations) {
      if (expectation.kind === 'text') {
        for (const problem of checkTextPatterns(expectation.body)) {
          const message = problem.message.replace(/^(invalid|unsafe)/, (word) => word[0]!.toUpperCase() + word.slice(1))
          out.push(new Diagnostic(message, {file: runbook.file, place: bodyLine(runbook.source, expectation, problem.line), ruleId: 'unsafe-regex'}))
        }
      }
      if (expectation.schemaPath !== undefined) {
        const problem = schemaProblem(path.resolve(runbook.dir, expectation.schemaPath))
        if (problem === undefined) continue
        const attribute = expectation.attributes.find((a) => a.key === 'schema')
        out.push(
          new Diagnostic(`Schema file \`${expectation.schemaPath}\` ${problem}`, {
            file: runbook.file,
            place: attribute?.span ?? expectation.span,
            ruleId: 'broken-file-reference',
            note: 'the path is relative to the runbook’s folder',
          }),
        )
      }
    }
  }
  return out
}

// Why a schema file cannot be used, or undefined when it reads as JSON.
function schemaProblem(file: string): string | undefined {
  let text: string
  try {
    // The shared reader: a device, a FIFO or a huge file is refused at once, never read without end.
    text = readRegularTextSync(file, {maxBytes: 4 * 1024 * 1024})
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error
    return error.code === 'ENOENT' ? 'does not exist' : `cannot be read: ${error.message}`
  }
  try {
    JSON.parse(text)
  } catch (error) {
    return `is not JSON (${(error as Error).message})`
  }
  return undefined
}

// The place of the 1-based `line` inside an expected block's body.
function bodyLine(source: string, expectation: Expectation, line: number): Point {
  let offset = expectation.bodySpan.start.offset
  for (let i = 1; i < line; i++) {
    const eol = source.indexOf('\n', offset)
    if (eol === -1) break
    offset = eol + 1
  }
  return {line: expectation.bodySpan.start.line + line - 1, column: expectation.fence.indent + 1, offset}
}
