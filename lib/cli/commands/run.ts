// `runbook run FILE`: parse, check inputs, execute, report, write back, keep evidence.
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {UsageError} from '../../errors.js'
import {parseDuration} from '../../duration.js'
import {readRunbook, assertRunnable} from '../../parse/index.js'
import {runRunbook} from '../../run/index.js'
import {collectSecrets, createRedactor} from '../../redact/index.js'
import {renderWriteBack, writeFileAtomic} from '../../writeback/index.js'
import {createEvidence, readLastRun} from '../../evidence/index.js'
import {createReporter, createGithubActions, type ReporterName} from '../../report/index.js'
import type {EventListener} from '../../events.js'
import type {RunResult} from '../../result.js'
import {exitCodes, type CliIO, type Command} from '../io.js'
import {readEnvFile} from '../env-file.js'
import {parseSetFlags} from '../set-flags.js'

const usage = `Usage: runbook run FILE [options]

Run the steps of a Markdown runbook, check their expected output, and report.

Options:
  --write               update FILE in place with outputs, ticked checkboxes and results
  --out FILE            write the executed copy to FILE instead
  --update              rewrite failing {expect} blocks with the actual output
  --stable              leave dates, durations and host out of the written document
  --evidence DIR        write manifest.json, full logs, results.json and report.md to DIR
  --only ID,...         run exactly these steps
  --from ID             start at this step (document order)
  --target ID           run this step and everything it needs
  --tag T               run only steps tagged T (repeatable)
  --resume              skip steps that passed in the last run recorded in --evidence DIR
  --dry-run             show the plan and the commands; run nothing
  --all                 treat every shell block as a step for this run
  --yes                 confirm destructive steps without asking
  --interactive         ask for missing inputs, manual steps and confirmations
  --set KEY=VALUE       set an input (repeatable)
  --env-file FILE       read inputs from a KEY=VALUE file
  --concurrency N       run up to N independent steps at once (default 1, or front matter)
  --timeout D           default step timeout (e.g. 30s, 5m)
  --reporter NAME       tty | plain | json | tap | junit (default: tty on a terminal, else plain)

Exit codes: 0 passed · 1 failed · 2 invalid runbook, missing input or usage · 130/143 interrupted
`

const reporterNames: ReporterName[] = ['tty', 'plain', 'json', 'tap', 'junit']

export const run: Command = {
  name: 'run',
  summary: 'run a runbook',
  usage,
  async run(args, io) {
    const {values, positionals} = parseOptions(args)
    if (positionals.length !== 1) throw new UsageError(`expected one FILE, got ${positionals.length}. See \`runbook run --help\`.`)
    const file = positionals[0]!
    const absolute = path.resolve(io.cwd, file)
    const original = await readFile(absolute, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`)
    })
    const runbook = await readRunbook(absolute, {all: values.all, file, source: original})
    assertRunnable(runbook)
    if (runbook.steps.length === 0 && runbook.tables.length === 0) {
      // Reporting "0 passed" for a document nobody annotated would claim a check that never happened.
      throw new UsageError(`nothing to run: ${file} has no steps (annotate a fence with {…}, or pass --all to run every shell block)`)
    }

    const env: Record<string, string | undefined> = {...io.env}
    if (values['env-file']) Object.assign(env, await readEnvFile(path.resolve(io.cwd, values['env-file'])))
    const set = parseSetFlags(values.set ?? [])
    Object.assign(env, set)

    const secrets = collectSecrets(runbook, env)
    const redactor = createRedactor(secrets.values)
    for (const warning of secrets.warnings) io.stderr.write(`runbook: warning: ${warning}\n`)

    const reporterName = (values.reporter ?? (io.stdout.isTTY ? 'tty' : 'plain')) as ReporterName
    if (!reporterNames.includes(reporterName)) {
      throw new UsageError(`unknown reporter \`${reporterName}\` (expected one of: ${reporterNames.join(', ')})`)
    }
    const color = io.stdout.isTTY === true && !io.env['NO_COLOR']
    const reporter = createReporter(reporterName, io.stdout, {color, columns: io.stdout.columns})
    const listeners: EventListener[] = [reporter.onEvent]
    // Machine-readable reports own stdout; workflow commands then go to stderr, which the runner reads too.
    const github = createGithubActions(io.env, reporterName === 'tty' || reporterName === 'plain' ? io.stdout : io.stderr)
    if (github) listeners.push(github.onEvent)
    const evidenceDir = values.evidence ? path.resolve(io.cwd, values.evidence) : undefined
    if (values.resume && !evidenceDir) throw new UsageError('--resume needs --evidence DIR (where the last run was recorded)')
    // Read the last run before this one's evidence replaces it.
    const lastRun = values.resume && evidenceDir ? await readLastRun(evidenceDir) : undefined
    if (values.resume && !lastRun) {
      io.stderr.write(`runbook: warning: --resume: no earlier run recorded in ${values.evidence} (no readable manifest.json); running every step\n`)
    }
    const dryRun = values['dry-run'] ?? false
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
      await reporter.close()
      if (github) await github.close()
    }
    if (dryRun && (reporterName === 'tty' || reporterName === 'plain')) io.stdout.write(dryRunListing(result))

    const stable = values.stable ?? false
    const wantsOutputs = Boolean(values.write || values.out)
    if (!dryRun && (wantsOutputs || values.update || evidence)) {
      const report = renderWriteBack(runbook, result, {stable, outputs: true, update: false, redactor})
      if (evidence) await evidence.finish(result, report)
      if (wantsOutputs || values.update) {
        const text = renderWriteBack(runbook, result, {stable, outputs: wantsOutputs, update: values.update ?? false, redactor})
        const target = values.out ? path.resolve(io.cwd, values.out) : absolute
        const written = await writeFileAtomic(target, text, {original: target === absolute ? original : undefined})
        if (written.conflict) {
          io.stderr.write(`runbook: ${file} changed during the run; kept it and wrote the result to ${path.relative(io.cwd, written.path)}\n`)
        }
      }
    }

    if (result.interrupted) return result.interrupted === 'SIGINT' ? exitCodes.sigint : exitCodes.sigterm
    return result.ok ? exitCodes.ok : exitCodes.failed
  },
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        write: {type: 'boolean'},
        out: {type: 'string'},
        update: {type: 'boolean'},
        stable: {type: 'boolean'},
        evidence: {type: 'string'},
        only: {type: 'string'},
        from: {type: 'string'},
        target: {type: 'string'},
        tag: {type: 'string', multiple: true},
        resume: {type: 'boolean'},
        'dry-run': {type: 'boolean'},
        all: {type: 'boolean'},
        yes: {type: 'boolean', short: 'y'},
        interactive: {type: 'boolean', short: 'i'},
        set: {type: 'string', multiple: true},
        'env-file': {type: 'string'},
        concurrency: {type: 'string'},
        timeout: {type: 'string'},
        reporter: {type: 'string'},
      },
    })
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. See \`runbook run --help\`.`)
  }
}

function splitList(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean)
}

function positiveInteger(value: string, flag: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} takes a whole number ≥ 1, got \`${value}\``)
  return n
}

function duration(value: string, flag: string): number {
  const ms = parseDuration(value)
  if (ms === undefined) throw new UsageError(`${flag} takes a duration such as 500ms, 30s, 5m or 1h, got \`${value}\``)
  return ms
}

// The commands a dry run would execute, variables resolved, for human readers.
function dryRunListing(result: RunResult): string {
  const lines = ['', 'Commands (nothing was executed):']
  for (const step of result.steps) {
    if (step.status === 'skipped') continue
    lines.push(step.condition ? `  ${step.id} (only if \`${step.condition.text}\`, not evaluated):` : `  ${step.id}:`)
    for (const line of (step.command ?? '').split('\n')) lines.push(`    ${line.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')}`)
  }
  return `${lines.join('\n')}\n`
}
