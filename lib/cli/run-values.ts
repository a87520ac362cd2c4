// Checks of `runbook run` flag values made once, before any file runs.
import {UsageError} from '../errors.js'
import {parseDuration} from '../duration.js'
import {positiveInteger} from './run-file.js'

// Throw a usage error for a malformed number or duration, so many files don't each report it.
export function checkValues(values: {concurrency?: string | undefined; timeout?: string | undefined; jobs?: string | undefined}): void {
  if (values.concurrency !== undefined) positiveInteger(values.concurrency, '--concurrency')
  if (values.jobs !== undefined) positiveInteger(values.jobs, '--jobs')
  if (values.timeout !== undefined && parseDuration(values.timeout) === undefined) {
    throw new UsageError(`--timeout takes a duration such as 500ms, 30s, 5m or 1h, got \`${values.timeout}\``)
  }
}
