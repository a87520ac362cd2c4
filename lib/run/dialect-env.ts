// The environment Scrut and cram give a test file (SPEC §3): TESTDIR, TESTFILE, a fresh TMPDIR that
// is also where commands start, CRAMTMP, and a fixed locale, time zone and terminal width, so
// their documents see what they were written against.
import {mkdirSync} from 'node:fs'
import path from 'node:path'
import type {Runbook} from '../model.js'
import type {StepResult} from '../result.js'
import {isScrutLanguage} from '../parse/runners.js'

// Whether a document is a Scrut or cram test file: a `.t` file, or one with Scrut fences.
export function isTestFile(runbook: Runbook): boolean {
  return /\.t$/.test(runbook.file) || runbook.steps.some((step) => isScrutLanguage(step.lang))
}

// The variables and starting folder of a Scrut/cram file; undefined for other documents.
export function dialectEnvironment(runbook: Runbook, runTmp: string): {env: Record<string, string>; cwd: string} | undefined {
  if (!isTestFile(runbook)) return undefined
  const tmp = path.join(runTmp, 'execution.1', '__tmp') // the shape Scrut's own tests expect
  mkdirSync(tmp, {recursive: true})
  const env: Record<string, string> = {
    TESTDIR: runbook.dir,
    TESTFILE: path.basename(runbook.file),
    TMPDIR: tmp,
    TMP: tmp,
    TEMP: tmp,
    CRAMTMP: runTmp,
    TESTSHELL: '/bin/bash',
    LANG: 'C',
    LANGUAGE: 'C',
    LC_ALL: 'C',
    TZ: 'GMT',
    COLUMNS: '80',
    CDPATH: '',
    GREP_OPTIONS: '',
  }
  return {env, cwd: tmp}
}

// The exit code with which a Scrut test skips the rest of its file.
export const skipFileExitCode = 80

// After a Scrut file skipped itself (exit 80), its failures count as skipped too, as in Scrut.
export function skipFailures(results: Map<string, StepResult>, why: string): void {
  for (const [id, result] of results) if (result.status === 'failed') results.set(id, {...result, status: 'skipped', reason: why})
}
