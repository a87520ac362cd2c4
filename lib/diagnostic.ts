// Diagnostics: error-like messages with a place, a rule id and a fix hint (vfile-message's shape).
import type {Point, Severity, Span} from './model.js'

// One problem found in a runbook, with `file:line:column`.
export class Diagnostic extends Error {
  override name = 'RunbookDiagnostic'
  file: string
  place: Point | Span | undefined
  ruleId: string
  severity: Severity
  source = 'runbook'
  url: string | undefined
  note: string | undefined // "did you mean `timeout`?" and other hints
  actual: string | undefined
  expected: string[] | undefined
  fix: {start: number; end: number; text: string} | undefined // a safe edit, for `lint --fix`

  constructor(
    message: string,
    options: {
      file: string
      place?: Point | Span
      ruleId: string
      severity?: Severity
      url?: string
      note?: string
      actual?: string
      expected?: string[]
      fix?: {start: number; end: number; text: string}
      cause?: unknown
    },
  ) {
    super(message, options.cause === undefined ? undefined : {cause: options.cause})
    this.file = options.file
    this.place = options.place
    this.ruleId = options.ruleId
    this.severity = options.severity ?? 'error'
    this.url = options.url
    this.note = options.note
    this.actual = options.actual
    this.expected = options.expected
    this.fix = options.fix
  }

  // The start of the place, 1:1 when the diagnostic has none.
  get start(): Point {
    const place = this.place
    if (!place) return {line: 1, column: 1, offset: 0}
    return 'start' in place ? place.start : place
  }

  // The end of the place (the start for a point).
  get end(): Point {
    const place = this.place
    if (!place) return this.start
    return 'end' in place ? place.end : place
  }

  // `file:line:column`, as editors and terminals link it.
  get location(): string {
    return `${this.file}:${this.start.line}:${this.start.column}`
  }

  // `doc.md:7:14: error: Unknown attribute `timout` (did you mean `timeout`?) [invalid-annotation]`
  format(): string {
    const note = this.note ? ` (${this.note})` : ''
    return `${this.location}: ${this.severity}: ${this.message}${note} [${this.ruleId}]`
  }
}

// True when any diagnostic is an error.
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error')
}
