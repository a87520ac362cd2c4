// The outcome of a run: shared by the executor, write-back, evidence and reporters.

// Final status of one step (SPEC §9).
export type StepStatus =
  | 'passed'
  | 'failed'
  | 'skipped'
  | 'manual'
  | 'timed-out'
  | 'not-run'
  | 'interrupted'

// Why an expectation failed: what write-back and reporters show.
export interface ExpectationFailure {
  index: number // which of the step's expectations (Step.expectations[index])
  message: string // `line 3: expected <int>, got "3.5"` / `$.error.code: expected "DUPLICATE", got "CONFLICT"`
  diff?: string // unified diff of expected vs actual, first differing line marked
  actual: string // the normalised actual text the expectation saw
}

// Outcome of one HTTP request (an `http` step or a check-table row).
export interface HttpCheckResult {
  stepId: string // the http step or the table's id
  row?: number // check-table row index
  method: string
  url: string // resolved and redacted
  ok: boolean
  status?: number
  latencyMs?: number
  headers?: Record<string, string>
  bodyStart?: string // the first ~2 KB of the body, for failure reports
  failures: string[] // one line per failed assertion
  error?: string // connection refused, timeout …
}

// The outcome of one step after all its attempts.
export interface StepResult {
  id: string
  status: StepStatus
  exitCode: number | null
  signal?: string
  attempts: number
  startedAt?: string // ISO date
  durationMs: number
  stdout: CapturedOutput
  stderr: CapturedOutput
  reason?: string // one line: `exit code 3 (expected 0)`, `timed out after 5s`, `not confirmed: pass --yes`
  expectationFailures: ExpectationFailure[]
  checks: HttpCheckResult[] // http steps: one; check tables: one per row
  captures: Record<string, string> // [Captures] and exported variables visible to later steps
  command?: string // the command as run (variables unresolved: they come through the environment)
  allowedFailure?: boolean // failed but `allow-failure`
  condition?: {text: string; met?: boolean} // `if=`: as written, and whether it held (absent in a dry run)
  artifacts?: ArtifactFile[] // `artifacts=`: the files the step made, copied into the evidence
  target?: string // the target the step ran on, when not local (SPEC §13)
  hosts?: HostResult[] // one result per host of an ssh or exec target, in the target's order
}

// One file kept by `artifacts=`.
export interface ArtifactFile {
  path: string // relative to the step's folder, `/`-separated; also its place under steps/ID/artifacts/
  source: string // absolute path it was found at
  size: number // bytes as stored in the evidence (after masking, for text)
  sha256?: string // of the stored file, set by the evidence writer
}

// The outcome of a step on one host of its target.
export interface HostResult extends StepResult {
  host: string
}

// Output kept in memory for write-back and reports: bounded; the full text lives in evidence logs.
export interface CapturedOutput {
  head: string // the first lines
  tail: string // the last lines (empty when nothing was omitted)
  omittedLines: number // lines left out between head and tail
  totalBytes: number
  text?: string // the whole output, when it was small enough to keep (≤ 8 MiB)
}

// The outcome of a whole run.
export interface RunResult {
  runbook: string // file path as given
  runId: string
  ok: boolean
  interrupted?: 'SIGINT' | 'SIGTERM' | 'SIGHUP'
  startedAt: string
  finishedAt: string
  durationMs: number
  steps: StepResult[] // in document order, every step of the runbook (not-run / skipped included)
  host: string
  commit?: string // git commit of the runbook's folder, when it is a git checkout
  version: string // runbook's own version
}
