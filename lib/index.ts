// The public API of runbook. Everything outside lib/ imports from here.
export type * from './model.js'
export type * from './result.js'
export type * from './events.js'
export {Diagnostic, hasErrors} from './diagnostic.js'
export {RunbookError, InvalidRunbookError, MissingInputError, UsageError} from './errors.js'
export {main} from './cli/main.js'
export type {CliIO, Command} from './cli/io.js'
