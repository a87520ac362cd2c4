// `unsafe-regex`: a ` (re)` line or `matches /re/` that is invalid or can backtrack catastrophically.
import {checkRegexSafety} from '../../assert/safe-regex.js'
import {compileUserRegex} from '../../assert/user-regex.js'
import {codePlace} from '../code-place.js'
import {defineRule} from '../define-rule.js'
import type {Span} from '../../model.js'

// A pattern that backtracks exponentially would be refused at run time; say so while writing it.
export const unsafeRegex = defineRule(
  {id: 'unsafe-regex', severity: 'error', description: 'A ` (re)` or `matches` pattern that is invalid or can backtrack catastrophically'},
  (runbook, context) => {
    const check = (pattern: string, place: Span) => {
      const compiled = compileUserRegex(pattern)
      if (!compiled.ok && compiled.message.startsWith('invalid')) {
        // One message, the one the run gives: "Invalid regular expression /h(i/: Unterminated group".
        context.report(compiled.message.replace(/^i/, 'I'), place)
        return
      }
      const verdict = checkRegexSafety(pattern)
      if (!verdict.safe) context.report(`Unsafe regular expression: ${verdict.reason}`, place)
    }
    const lines = (body: string, owner: {bodySpan: Span; fence?: {indent: number}; code?: string}, text: string) => {
      let index = 0
      for (const line of body.split('\n')) {
        const m = /^(.*) \(re\)\r?$/.exec(line)
        if (m) check(m[1]!, codePlace(text, index, index + line.length, owner, context.text.locate, runbook.source))
        index += line.length + 1
      }
    }
    for (const step of runbook.steps) {
      for (const expectation of step.expectations) if (expectation.kind === 'text') lines(expectation.body, expectation, expectation.body)
      if (step.runner === 'console') lines(step.code.replace(/^\s*[$>] .*$/gm, (l) => ' '.repeat(l.length)), step, step.code)
      for (const assert of step.http?.asserts ?? []) {
        if (assert.predicate === 'matches' && typeof assert.value === 'string') {
          const offset = locateLine(runbook.source, assert.line)
          check(assert.value, {start: context.text.locate(offset), end: context.text.locate(offset)})
        }
      }
    }
    for (const table of runbook.tables) {
      for (const row of table.rows) {
        for (const assert of row.asserts) if (assert.predicate === 'matches' && typeof assert.value === 'string') check(assert.value, row.span)
      }
    }
  },
)

function locateLine(source: string, line: number): number {
  let offset = 0
  for (let i = 1; i < line; i++) {
    const eol = source.indexOf('\n', offset)
    if (eol === -1) break
    offset = eol + 1
  }
  return offset
}
