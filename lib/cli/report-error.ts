// Thrown errors become a message on stderr and an exit code (SPEC §7): user errors 2, bugs 3.
import {RunbookError, UsageError, InvalidRunbookError, MissingInputError} from '../errors.js'
import {exitCodes, type CliIO} from './io.js'

// Known errors become their exit code and message; anything else is a bug (exit 3).
export function reportError(error: unknown, io: Pick<CliIO, 'stderr'>, debug: boolean): number {
  if (error instanceof InvalidRunbookError) {
    for (const d of error.diagnostics) io.stderr.write(`${d.format()}\n`)
    io.stderr.write(`runbook: ${error.message}\n`)
    return exitCodes.usage
  }
  if (error instanceof UsageError || error instanceof MissingInputError) {
    io.stderr.write(`runbook: ${error.message}\n`)
    return exitCodes.usage
  }
  if (error instanceof RunbookError && error.code === 'RUNBOOK_ERR_USAGE') {
    io.stderr.write(`runbook: ${error.message}\n`)
    return exitCodes.usage
  }
  const message = error instanceof Error ? error.message : String(error)
  io.stderr.write(`runbook: internal error: ${message}\n`)
  io.stderr.write(
    debug && error instanceof Error && error.stack
      ? `${error.stack}\n`
      : 'This is a bug in runbook. Run again with --debug for a stack trace, and please report it.\n',
  )
  return exitCodes.internal
}
