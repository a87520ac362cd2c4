// What `runbook run` is asked to run: one FILE, or files found from files, folders and globs.
import {existsSync, statSync} from 'node:fs'
import {readRegularTextSync} from '../read-file.js'
import path from 'node:path'
import {UsageError} from '../errors.js'
import {readRunbook, assertRunnable} from '../parse/index.js'
import type {Runbook} from '../model.js'
import type {FileToRun} from './run-file.js'

// Runbook documents a folder or glob yields: Markdown, cram `.t` and Scrut `.scrut` files.
export const runnableFiles = /\.(?:md|markdown|t|scrut)$/i

// True when the arguments name exactly one existing file (or one missing path that is no glob):
// the single-run mode, whose output and evidence layout predate many-file runs. The glob matcher
// (picomatch, with the linter's file walk beside it) loads only for a path that does not exist.
export async function isSingleFile(paths: readonly string[], cwd: string): Promise<boolean> {
  if (paths.length !== 1) return false
  const absolute = path.resolve(cwd, paths[0]!)
  if (!existsSync(absolute)) return !(await import('../lint/glob.js')).isGlob(paths[0]!)
  return statSync(absolute).isFile()
}

// The files behind files, folders and globs: absolute, sorted, `.gitignore` honoured, `node_modules`
// skipped. The file walk comes from the linter, loaded here: a single-file run never needs it.
export async function findRunFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const {findFiles} = await import('../lint/walk.js')
  return findFiles(paths, {cwd, extensions: runnableFiles})
}

// Read and parse one file; a file that cannot be read is a usage error, an invalid one throws its diagnostics.
export async function readFileToRun(file: string, cwd: string, all: boolean | undefined): Promise<FileToRun> {
  const absolute = path.resolve(cwd, file)
  let original: string
  try {
    original = readRegularTextSync(absolute)
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`)
  }
  const runbook = await readRunbook(absolute, {all, file, source: original})
  assertRunnable(runbook)
  return {file, absolute, original, runbook}
}

// How much there is to run in a runbook: its steps and check tables (0: nothing, the file is skipped).
export function stepCount(runbook: Runbook): number {
  return runbook.steps.length + runbook.tables.length
}
