// One file's run: inputs, secrets, evidence, execution, write-back. `runbook run` calls it once for
// a single FILE and once per file for many; every run flag reaches it through `values`.
import path from 'node:path'
import type {Writable} from 'node:stream'
import {UsageError} from '../errors.js'
import {parseDuration} from '../duration.js'
import {runRunbook} from '../run/index.js'
import {collectSecrets, createRedactor} from '../redact/index.js'
import {renderWriteBack, writeFileAtomic} from '../writeback/index.js'
import {createEvidence, readLastRun} from '../evidence/index.js'
import type {Reporter} from '../report/index.js'
import type {EventListener} from '../events.js'
import type {Runbook} from '../model.js'
import type {RunResult} from '../result.js'
import {exitCodes, type CliIO} from './io.js'
import {readEnvFile} from './env-file.js'
import {undeclaredSetWarnings} from './set-undeclared.js'
import {parseSetFlags} from './set-flags.js'
import {checkOutPath, makeEvidenceFolder} from './check-paths.js'
import type {RunValues} from './commands/run.js'

// A file to run, already read and parsed.
export interface FileToRun {
  file: string // as the user sees it (relative to the working directory)
  absolute: string
  original: string
  runbook: Runbook
}

// Where one file's run reports: its reporters (closed when the run ends), its evidence folder,
// and the stream a dry run lists its commands on (undefined: don't list).
export interface FileSinks {
  reporters: Reporter[]
  evidenceDir?: string | undefined
  listing?: Writable | undefined
}

// Run one parsed file; resolves with its exit code (0, 1, 130, 143) and its result.
export async function runFile(input: FileToRun, values: RunValues, io: CliIO, sinks: FileSinks): Promise<{code: number; result: RunResult}> {
  const {file, absolute, original, runbook} = input
  const env: Record<string, string | undefined> = {...io.env}
  if (values['env-file']) Object.assign(env, await readEnvFile(path.resolve(io.cwd, values['env-file']), values['env-file']))
  const set = parseSetFlags(values.set ?? [])
  for (const warning of undeclaredSetWarnings(runbook, set)) io.stderr.write(`runbook: warning: ${warning}\n`)
  Object.assign(env, set)

  const secrets = collectSecrets(runbook, env)
  const redactor = createRedactor(secrets.values)
  for (const warning of secrets.warnings) io.stderr.write(`runbook: warning: ${warning}\n`)
  for (const reporter of sinks.reporters) reporter.setRedactor?.((text) => redactor.redact(text))

  const listeners: EventListener[] = sinks.reporters.map((reporter) => reporter.onEvent)
  const evidenceDir = sinks.evidenceDir
  if (values.resume && !evidenceDir) throw new UsageError('--resume needs --evidence DIR (where the last run was recorded)')
  // Read the last run before this one's evidence replaces it.
  const lastRun = values.resume && evidenceDir ? await readLastRun(evidenceDir) : undefined
  if (values.resume && !lastRun) {
    io.stderr.write(`runbook: warning: --resume: no earlier run recorded in ${path.relative(io.cwd, evidenceDir!) || '.'} (no readable manifest.json); running every step\n`)
  }
  const dryRun = values['dry-run'] ?? false
  if (values.out) checkOutPath(path.resolve(io.cwd, values.out), values.out)
  if (evidenceDir && !dryRun) makeEvidenceFolder(evidenceDir, path.relative(io.cwd, evidenceDir) || '.')
  const evidence = evidenceDir && !dryRun ? await createEvidence(evidenceDir, runbook, {redactor}) : undefined
  if (evidence) listeners.push(evidence.onEvent)

  // Close the reporters however the run ends (a missing input, a bug): a live view must not
  // leave the terminal with a hidden cursor.
  let result
  try {
    result = await runRunbook(runbook, {
      env,
      set,
      yes: values.yes ?? false,
      interactive: values.interactive ?? false,
      update: values.update ?? false,
      concurrency: values.concurrency === undefined ? undefined : positiveInteger(values.concurrency, '--concurrency'),
      only: splitList(values.only),
      from: values.from,
      target: values.target,
      tags: values.tag ?? [],
      dryRun,
      resumeFrom: lastRun,
      timeoutMs: values.timeout === undefined ? undefined : duration(values.timeout, '--timeout'),
      signal: io.interrupt,
      onEvent: (event) => {
        for (const listener of listeners) listener(event)
      },
      redactor,
      stdin: io.stdin,
      stderr: io.stderr,
    })
  } finally {
    for (const reporter of sinks.reporters) await reporter.close()
  }
  if (dryRun && sinks.listing) sinks.listing.write(redactor.redact(dryRunListing(result, runbook)))

  const stable = values.stable ?? false
  const wantsOutputs = Boolean(values.write || values.out)
  if (!dryRun && (wantsOutputs || values.update || evidence)) {
    const report = renderWriteBack(runbook, result, {stable, outputs: true, update: false, redactor, ...(evidence ? {evidenceLink: '.'} : {})})
    if (evidence) await evidence.finish(result, report)
    if (wantsOutputs || values.update) {
      const target = values.out ? path.resolve(io.cwd, values.out) : absolute
      const evidenceLink = evidence && evidenceDir ? path.relative(path.dirname(target), evidenceDir).split(path.sep).join('/') || '.' : undefined
      const text = renderWriteBack(runbook, result, {stable, outputs: wantsOutputs, update: values.update ?? false, redactor, ...(evidenceLink !== undefined ? {evidenceLink} : {})})
      const written = await writeFileAtomic(target, text, {original: target === absolute ? original : undefined}).catch((error: NodeJS.ErrnoException) => {
        throw writeError(error, path.relative(io.cwd, target) || target)
      })
      if (written.conflict) {
        io.stderr.write(`runbook: ${file} changed during the run; kept it and wrote the result to ${path.relative(io.cwd, written.path)}\n`)
      }
    }
  }

  if (result.interrupted) return {code: exitCodes[result.interrupted === 'SIGINT' ? 'sigint' : result.interrupted === 'SIGHUP' ? 'sighup' : 'sigterm'], result}
  return {code: result.ok ? exitCodes.ok : exitCodes.failed, result}
}

// A file system refusal (permission, a full disk, an immutable or read-only file) is the user's
// condition to fix, not a bug: a clear message and exit 2.
function writeError(error: NodeJS.ErrnoException, shown: string): Error {
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted (an immutable or protected file?)',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EROFS: 'read-only file system',
    ENOENT: 'its folder does not exist',
    ENOTDIR: 'a part of the path is not a folder',
    EISDIR: 'it is a folder',
  }
  const reason = error.code ? reasons[error.code] : undefined
  return reason ? new UsageError(`cannot write ${shown}: ${reason}; the run's result was not written`) : error
}

function splitList(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean)
}

// A whole number ≥ 1 from a flag's text, or a usage error naming the flag.
export function positiveInteger(value: string, flag: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} takes a whole number ≥ 1, got \`${value}\``)
  return n
}

function duration(value: string, flag: string): number {
  const ms = parseDuration(value)
  if (ms === undefined) throw new UsageError(`${flag} takes a duration such as 500ms, 30s, 5m or 1h, got \`${value}\``)
  return ms
}

// The commands a dry run would execute, variables resolved, for human readers; a step's `cwd=` and
// `env=` are shown as written, as `#` lines above its command.
function dryRunListing(result: RunResult, runbook: Runbook): string {
  const lines = ['', 'Commands (nothing was executed):']
  const clean = (text: string) => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  for (const step of result.steps) {
    if (step.status === 'skipped') continue
    lines.push(step.condition ? `  ${step.id} (only if \`${step.condition.text}\`, not evaluated):` : `  ${step.id}:`)
    const options = runbook.steps.find((s) => s.id === step.id)?.options
    if (options?.cwd !== undefined) lines.push(`    # cwd=${clean(options.cwd)}`)
    for (const [name, value] of Object.entries(options?.env ?? {})) lines.push(`    # env ${name}=${clean(value).replace(/\n/g, '\\n')}`)
    for (const line of (step.command ?? '').split('\n')) lines.push(`    ${line.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')}`)
  }
  return `${lines.join('\n')}\n`
}
