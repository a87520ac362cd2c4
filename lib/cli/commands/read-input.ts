// Shared by `list` and `plan`: one FILE argument → a parsed, runnable runbook (or exit 2).
import {readRegularTextSync} from '../../read-file.js'
import path from 'node:path'
import {UsageError} from '../../errors.js'
import type {Runbook} from '../../model.js'
import {assertRunnable, readRunbook} from '../../parse/index.js'
import type {CliIO} from '../io.js'

// Read FILE relative to the working directory, parse it and throw InvalidRunbookError on errors.
export async function readRunnable(file: string, io: CliIO, all: boolean): Promise<Runbook> {
  const absolute = path.resolve(io.cwd, file)
  let source: string
  try {
    source = readRegularTextSync(absolute)
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`)
  }
  const runbook = await readRunbook(absolute, {all, file, source})
  assertRunnable(runbook)
  return runbook
}
