// What every part of one run shares: the runbook, the run id, options, the event sink, services.
import type {Runbook} from '../model.js'
import type {RunEvent} from '../events.js'
import type {StepStatus} from '../result.js'
import type {Redactor} from '../redact/index.js'
import type {ProcessHandle} from './spawn.js'
import type {ShellSession} from './session.js'
import type {Targets} from './targets/index.js'

// Ask the user something on the terminal; undefined when there is no terminal to ask on.
export type Prompt = (question: string, options?: {secret?: boolean}) => Promise<string>

// A background step that is still running (here, or on a host of a target).
export interface Service {
  stepId: string
  handle: Pick<ProcessHandle, 'stop'> & {outcome: Promise<unknown>}
}

// Shared state of one run.
export interface RunContext {
  runbook: Runbook
  runId: string
  tmpDir: string
  emit: (event: RunEvent) => void
  redactor: Redactor | undefined
  signal: AbortSignal | undefined
  yes: boolean
  interactive: boolean
  ci: boolean
  prompt: Prompt | undefined // set when stdin is a terminal
  defaultTimeoutMs: number
  defaultShell: string
  shellOptions: string // front matter `shell-options`: `set` arguments every shell step starts from
  services: Service[]
  nextFile: () => string // a fresh path in tmpDir
  fileSkipped?: string // set when a Scrut command exits 80: the rest of the file is skipped, why
  session?: {get(): ShellSession} // the run's bash session (one step at a time), started on first use, when there is one
  statuses?: Map<string, StepStatus> // finished steps, for `$RUNBOOK_STATUS_<ID>`
  update?: boolean // `--update`: a step whose only fault is its expected output does not block dependants
  targets?: Targets // where steps run (SPEC §13)
  remoteNames?: Set<string> // variables a remote shell gets: inputs, front matter env, --set
}

// The environment tags that mark every process of a step (swept on timeout and at the end).
export function stepTags(context: RunContext, stepId: string): Record<string, string> {
  return {RUNBOOK_RUN_ID: context.runId, RUNBOOK_STEP_ID: stepId}
}

// True once the run was interrupted (SIGINT/SIGTERM).
export function interrupted(context: RunContext): boolean {
  return context.signal?.aborted === true
}
