// manifest.json (SPEC §9): what ran, where, when, and how each step ended.
import {hostname} from 'node:os'
import type {RunResult, StepResult, StepStatus} from '../result.js'
import {safeName} from './paths.js'

// One step of the manifest.
export interface ManifestStep {
  id: string
  status: StepStatus
  exitCode: number | null
  attempts: number
  durationMs: number
  startedAt?: string
  reason?: string
  allowedFailure?: boolean
  dir?: string // steps/<dir>/ holding cmd.txt, stdout.log, stderr.log
  condition?: {text: string; met?: boolean} // `if=`; `met: false` is `skipped (condition)`
  artifacts?: Array<{path: string; size: number; sha256?: string}> // under <dir>/artifacts/
  target?: string // SPEC §13
  hosts?: ManifestHost[] // a step on an ssh or exec target
}

// One host of a step on a fleet.
export interface ManifestHost {
  host: string
  status: StepStatus
  exitCode: number | null
  attempts: number
  durationMs: number
  startedAt?: string
  reason?: string
  dir?: string // steps/<step>/<host>/
}

// The manifest; `partial` while the run is still going (or when it never finished).
export interface Manifest {
  runbook: string
  version: string
  commit: string | null
  host: string
  runId?: string
  startedAt: string
  finishedAt?: string
  ok: boolean
  partial: boolean
  interrupted?: 'SIGINT' | 'SIGTERM' | 'SIGHUP'
  steps: ManifestStep[]
}

// A manifest step from a step result.
export function manifestStep(result: StepResult, dir?: string): ManifestStep {
  const step: ManifestStep = {id: result.id, status: result.status, exitCode: result.exitCode, attempts: result.attempts, durationMs: Math.round(result.durationMs)}
  if (result.startedAt) step.startedAt = result.startedAt
  if (result.reason) step.reason = result.reason
  if (result.allowedFailure) step.allowedFailure = true
  if (result.condition) step.condition = result.condition
  if (result.artifacts) step.artifacts = result.artifacts.map(({path, size, sha256}) => (sha256 ? {path, size, sha256} : {path, size}))
  if (dir) step.dir = dir
  if (result.target) step.target = result.target
  if (result.hosts) {
    step.hosts = result.hosts.map((host) => {
      const entry: ManifestHost = {host: host.host, status: host.status, exitCode: host.exitCode, attempts: host.attempts, durationMs: Math.round(host.durationMs)}
      if (host.startedAt) entry.startedAt = host.startedAt
      if (host.reason) entry.reason = host.reason
      if (dir && host.attempts > 0) entry.dir = `${dir}/${safeName(host.host)}`
      return entry
    })
  }
  return step
}

// The final manifest of a finished (or interrupted) run.
export function finalManifest(result: RunResult, dirs: ReadonlyMap<string, string>): Manifest {
  const manifest: Manifest = {
    runbook: result.runbook,
    version: result.version,
    commit: result.commit ?? null,
    host: result.host || hostname(),
    runId: result.runId,
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    ok: result.ok,
    partial: false,
    steps: result.steps.map((step) => manifestStep(step, dirs.get(step.id))),
  }
  if (result.interrupted) manifest.interrupted = result.interrupted
  return manifest
}
