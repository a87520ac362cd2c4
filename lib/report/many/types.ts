// The contract of a many-file reporter: one per `--reporter`, fed each file's run as its own stream.
import type {RunResult} from '../../result.js'
import type {Reporter, ReporterOptions} from '../types.js'

// How one file's run ended: its exit code, its result when it ran, the error text when it could not.
export interface FileOutcome {
  code: number
  result?: RunResult | undefined
  error?: string | undefined // an invalid runbook's diagnostics, a missing input: what stderr would have said
  evidence?: string | undefined // the file's evidence folder, relative to the report's folder
}

// A reporter over many files; `files` lists them in report order (skipped ones too).
export interface ManyReporter {
  // A reporter for one file's events (its `close()` is called when that file's run ends).
  start(file: string): Reporter
  // The file's run is over (or never started, for an invalid runbook).
  end(file: string, outcome: FileOutcome): void
  // The file was not run: `why` is `no steps`, or `not run (interrupted)`.
  skip(file: string, why: string): void
  // Everything is over: write what is left.
  close(): Promise<void>
}

// What every many-file reporter is built from.
export interface ManyReporterOptions extends ReporterOptions {
  files: string[] // all files in report order, skipped ones included
  redact?: ((text: string) => string) | undefined
}
