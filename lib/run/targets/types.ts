// The one interface every transport (local, ssh, kube, exec) stands behind: the executor asks a
// target for its hosts, for extra environment, and to run a shell job on one host.
import type {Redactor} from '../../redact/index.js'
import type {OutputCapture} from '../capture.js'

// What one job on one host is given.
export interface HostJob {
  stepId: string
  code: string
  env: Record<string, string> // what the remote shell exports: inputs, secrets, env=, the run's tags (sent on stdin)
  cwd?: string // a directory on the host (`cwd=`); undefined: where the host's previous step left off
  shell: string
  options: string // the document's `shell-options` (`set` arguments, '' for none) the job starts from
  timeoutMs?: number // undefined: a background job, stopped by the run
  signal?: AbortSignal
  redactor?: Redactor
  onChunk: (stream: 'stdout' | 'stderr', chunk: string) => void
}

// How a job ended on its host.
export interface HostOutcome {
  exitCode: number | null
  signal?: string
  timedOut: boolean
  interrupted: boolean
  stdout: OutputCapture
  stderr: OutputCapture
  all: string
  error?: string // the host could not be reached or the job could not start (ssh's own message)
  broken?: string // the host's shell ended while the job ran (the job killed it): the next job opens a new one
}

// A job that keeps running (a `background` step): its outcome once it ends, and a way to stop it.
export interface HostJobHandle {
  outcome: Promise<HostOutcome>
  exited: () => boolean
  captures: {stdout: OutputCapture; stderr: OutputCapture}
  stop(): Promise<void>
}

// A place where steps run.
export interface Target {
  readonly name: string
  readonly kind: 'local' | 'ssh' | 'kube' | 'exec'
  // Hosts a step fans out to, each with its own result; empty for targets whose steps run as local steps.
  readonly hosts: string[]
  readonly serial: number // hosts at a time
  readonly maxFail: number // failed hosts tolerated
  // Extra environment for a step that runs locally (kube's KUBECONFIG); throws TargetError when unusable.
  environment(): Promise<Record<string, string>>
  // Start a shell job on one host (connecting first when needed).
  start(host: string, job: HostJob): Promise<HostJobHandle>
  // Close connections and remove private files, however the run ended.
  close(): Promise<void>
}

// A target that cannot be used (unknown name, missing kube context): the step fails before it runs.
export class TargetError extends Error {
  readonly code = 'RUNBOOK_ERR_TARGET'
}
