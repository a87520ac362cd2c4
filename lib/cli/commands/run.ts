// `runbook run PATH...`: one file, or many files each as its own run (SPEC §7, §12).
import path from 'node:path'
import {parseArgs} from 'node:util'
import {UsageError} from '../../errors.js'
import {rewriteRefusal} from '../../writeback/utf8-check.js'
import {optionError} from '../parse-options.js'
import type {CliIO, Command} from '../io.js'
import {runFile} from '../run-file.js'
import {isSingleFile, readFileToRun, stepCount} from '../run-input.js'
import {checkValues} from '../run-values.js'
import {createTerminalReporters} from '../single-reporters.js'
import {colorOptions} from '../color.js'

const usage = `Usage: runbook run PATH... [options]

Run the steps of Markdown runbooks, check their expected output, and report. PATH is a file,
a folder (every .md, .t or .scrut file with steps; .gitignore honoured, node_modules skipped)
or a quoted glob ('docs/**/*.md'). Each file is its own run; files without steps are skipped.

Options:
  --write               update each file in place with outputs, ticked checkboxes and results
  --out FILE            write the executed copy to FILE instead
  --update              rewrite failing {expect} blocks with the actual output
  --stable              leave dates, durations and host out of the written document
  --evidence DIR        write manifest.json, full logs, results.json and report.md to DIR
                        (many files: DIR/<file path>/ for each)
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
  --reporter NAME[=FILE]  tty | plain | json | tap | junit | html, repeatable: one on the terminal,
                        the others into files (default: tty on a terminal, else plain)
  --jobs N, -j N        run N files at once (default 1); the slowest files of the last run start first
  --shard I/N           run the I-th of N slices of the files, balanced by steps (CI matrices)
  --color, --no-color   force colour on or off (default: on a terminal; FORCE_COLOR, NO_COLOR)

Exit codes: 0 passed · 1 failed · 2 invalid runbook, missing input or usage · 129/130/143 interrupted (SIGHUP/SIGINT/SIGTERM)
(many files: the worst of them)
`

export const run: Command = {
  name: 'run',
  summary: 'run runbooks: files, folders and globs, each file its own run',
  usage,
  async run(args, io) {
    const {values, positionals} = parseOptions(args)
    checkValues(values)
    if (positionals.length === 0) throw new UsageError('expected a FILE, folder or glob. See `runbook run --help`.')
    if (await isSingleFile(positionals, io.cwd)) return runSingle(positionals[0]!, values, io)
    // Many files load their own code (the file walk, the per-file reporters) only when asked for.
    const {runMany} = await import('../run-many.js')
    return runMany(positionals, values, io)
  },
}

// The parsed flags of `runbook run`, as every file's run receives them.
export type RunValues = ReturnType<typeof parseOptions>['values']

// One FILE named on its own: today's single run — its reporters on the terminal, evidence right in DIR.
async function runSingle(file: string, values: RunValues, io: CliIO): Promise<number> {
  const input = await readFileToRun(file, io.cwd, values.all)
  const refusal = values.write || values.update ? rewriteRefusal(file, input.absolute, input.original) : undefined
  if (refusal) throw new UsageError(refusal)
  if (stepCount(input.runbook) === 0) {
    // Reporting "0 passed" for a document nobody annotated would claim a check that never happened.
    throw new UsageError(`nothing to run: ${file} has no steps (annotate a fence with {…}, or pass --all to run every shell block)`)
  }
  const evidenceDir = values.evidence ? path.resolve(io.cwd, values.evidence) : undefined
  const terminal = createTerminalReporters(values, io, evidenceDir)
  const sinks = {
    reporters: terminal.reporters,
    evidenceDir,
    listing: terminal.human ? io.stdout : undefined,
  }
  const {code} = await runFile(input, values, io, sinks)
  return code
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
        reporter: {type: 'string', multiple: true},
        jobs: {type: 'string', short: 'j'},
        shard: {type: 'string'},
        ...colorOptions,
      },
    })
  } catch (error) {
    throw optionError(error, 'run', usage)
  }
}
