// Errors with stable codes, so callers can branch on `error.code` (as undici and execa do).

// Base class of every error the library throws on purpose.
export class RunbookError extends Error {
  override name = 'RunbookError'
  code: string = 'RUNBOOK_ERR'
  constructor(message: string, options?: {cause?: unknown}) {
    super(message, options)
  }
}

// The runbook has errors (annotations, front matter, graph): exit 2 before anything runs.
export class InvalidRunbookError extends RunbookError {
  override name = 'InvalidRunbookError'
  override code = 'RUNBOOK_ERR_INVALID'
  diagnostics: import('./diagnostic.js').Diagnostic[]
  constructor(message: string, diagnostics: import('./diagnostic.js').Diagnostic[]) {
    super(message)
    this.diagnostics = diagnostics
  }
}

// Required inputs are missing: exit 2, nothing ran.
export class MissingInputError extends RunbookError {
  override name = 'MissingInputError'
  override code = 'RUNBOOK_ERR_MISSING_INPUT'
  missing: Array<{name: string; description?: string}>
  constructor(missing: Array<{name: string; description?: string}>) {
    super(
      `Missing required input${missing.length === 1 ? '' : 's'}:\n` +
        missing.map((m) => `  ${m.name}${m.description ? ` — ${m.description}` : ''}`).join('\n'),
    )
    this.missing = missing
  }
}

// Bad command-line usage: exit 2.
export class UsageError extends RunbookError {
  override name = 'UsageError'
  override code = 'RUNBOOK_ERR_USAGE'
}
