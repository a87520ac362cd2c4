// `runbook run PATH...` over many files: find them, skip the ones without steps, take this shard,
// run each as its own run (`--jobs N` at once), report per file, exit with the worst code.
import path from 'node:path'
import {UsageError} from '../errors.js'
import {createGithubActions} from '../report/index.js'
import {createTextBuffer} from '../report/many/buffer.js'
import type {CliIO} from './io.js'
import type {RunValues} from './commands/run.js'
import {worstExitCode} from './exit-code.js'
import {runPool} from './job-pool.js'
import {createManyReporters} from './many-reporters.js'
import {reportError} from './report-error.js'
import {runFile, type FileToRun} from './run-file.js'
import {readDurations, saveDurations, slowestFirst} from './file-durations.js'
import {findRunFiles, readFileToRun, stepCount} from './run-input.js'
import {parseShard, pickShard} from './shard.js'
import {wantsColor} from './color.js'
import {namedSteps, selectionForFile, selectionSkipReason} from './step-selection.js'

interface Candidate {
  file: string // relative to the working directory, `/`-separated
  steps: number
  values?: RunValues // the flags for this file (--only narrowed to its ids)
  input?: FileToRun
  error?: unknown // why it cannot run: an invalid runbook
}

// Run every file the paths name; resolves with the worst exit code.
export async function runMany(paths: readonly string[], values: RunValues, io: CliIO): Promise<number> {
  if (values.out) throw new UsageError('--out writes one file; with many files use --write (each file in place)')
  const jobs = values.jobs === undefined ? 1 : Number(values.jobs)
  if (values.interactive && jobs > 1) throw new UsageError('--interactive asks on one terminal: use it with --jobs 1')
  const shard = values.shard === undefined ? undefined : parseShard(values.shard)

  const found = await findRunFiles(paths, io.cwd)
  const candidates: Candidate[] = []
  const skipped: Array<{file: string; why: string}> = []
  for (const absolute of found) {
    const file = path.relative(io.cwd, absolute).split(path.sep).join('/')
    try {
      const input = await readFileToRun(file, io.cwd, values.all)
      const steps = stepCount(input.runbook)
      const selected = selectionForFile(values, input.runbook)
      if (steps === 0) skipped.push({file, why: 'no steps'})
      else if (!selected) skipped.push({file, why: selectionSkipReason(values)})
      else candidates.push({file, steps, input, values: selected})
    } catch (error) {
      candidates.push({file, steps: 1, error})
    }
  }
  if (candidates.length === 0) {
    if (skipped.some((s) => s.why !== 'no steps')) throw new UsageError(`nothing to run in ${paths.join(' ')}: no file has a step ${namedSteps(values)}`)
    const what = found.length === 0 ? 'no runbook files found' : `none of the ${found.length} files has steps`
    throw new UsageError(`nothing to run in ${paths.join(' ')}: ${what} (annotate a fence with {…}, or pass --all to run every shell block)`)
  }
  const chosen = shard ? pickShard(candidates, shard.index, shard.total) : candidates
  if (shard) {
    const steps = chosen.reduce((sum, c) => sum + c.steps, 0)
    const list = chosen.length ? `: ${chosen.map((c) => c.file).join(', ')}` : ''
    io.stderr.write(`runbook: shard ${shard.index}/${shard.total} took ${chosen.length} of ${candidates.length} files (${steps} steps)${list}\n`)
  }

  const order = [...chosen.map((c) => c.file), ...(shard ? [] : skipped.map((s) => s.file))].sort()
  const reporters = createManyReporters(values.reporter, io, order, wantsColor(values, io))
  if (!shard) for (const {file, why} of skipped) reporters.skip(file, why)
  const evidenceRoot = values.evidence ? path.resolve(io.cwd, values.evidence) : undefined
  const codes: number[] = []
  // With more than one job, the files that took longest last time start first (file-durations.ts).
  const known = chosen.length > 1 ? readDurations(io.env) : {}
  const absolute = (candidate: Candidate) => path.resolve(io.cwd, candidate.file)
  const measured = new Map<string, number>()
  const runOne = async (candidate: Candidate) => {
    const started = performance.now()
    const errors = createTextBuffer()
    const github = createTextBuffer()
    const listing = createTextBuffer()
    const evidenceDir = evidenceRoot ? path.join(evidenceRoot, evidencePath(candidate.file)) : undefined
    let outcome
    try {
      if (!candidate.input) throw candidate.error
      const fileReporters = reporters.start(candidate.file)
      const actions = createGithubActions(io.env, github)
      const {code, result} = await runFile(candidate.input, candidate.values ?? values, io, {reporters: actions ? [...fileReporters, actions] : fileReporters, evidenceDir, listing})
      outcome = {code, result}
    } catch (error) {
      const code = reportError(error, {stderr: errors}, io.debug === true)
      outcome = {code, error: errors.text()}
    }
    const grouped = github.text()
    if (grouped) (reporters.human ? io.stdout : io.stderr).write(grouped)
    codes.push(outcome.code)
    if (!io.interrupt.aborted) measured.set(absolute(candidate), performance.now() - started)
    reporters.end(candidate.file, {...outcome, evidence: evidenceDir})
    // --dry-run: each file's commands under its line, for people reading the terminal.
    if (reporters.human && listing.text()) io.stdout.write(`${listing.text().trim().replace(/^/gm, '    ')}\n`)
  }
  try {
    await runPool(jobs > 1 ? slowestFirst(chosen, absolute, known) : chosen, jobs, runOne, () => io.interrupt.aborted, (candidate) => reporters.skip(candidate.file, 'not run (interrupted)'))
  } finally {
    await reporters.close()
    if (chosen.length > 1) saveDurations(io.env, known, measured)
  }
  if (io.interrupt.aborted) codes.push(io.interrupt.reason === 'SIGTERM' ? 143 : io.interrupt.reason === 'SIGHUP' ? 129 : 130)
  return worstExitCode(codes)
}

// A file's evidence folder under DIR: its relative path, with `..` steps made harmless.
function evidencePath(file: string): string {
  return file.split('/').map((part) => (part === '..' ? '__' : part)).join(path.sep)
}
