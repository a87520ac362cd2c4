// What every part of one parse shares: the text, the locator, the file name and the diagnostics.
import {Diagnostic} from '../diagnostic.js'
import type {Severity} from '../model.js'
import type {Locator} from './positions.js'

// The state of one parse that helpers read and report into.
export interface ParseContext {
  source: string
  locator: Locator
  file: string
  diagnostics: Diagnostic[]
}

// Report a problem between two offsets.
export function report(context: ParseContext, message: string, start: number, end: number, options: {ruleId?: string; severity?: Severity; note?: string} = {}): void {
  context.diagnostics.push(
    new Diagnostic(message, {
      file: context.file,
      place: context.locator.span(start, end),
      ruleId: options.ruleId ?? 'invalid-annotation',
      severity: options.severity ?? 'error',
      note: options.note,
    }),
  )
}
