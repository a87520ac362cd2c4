// Events: the discriminated union the executor emits and every reporter consumes.
import type {HostResult, HttpCheckResult, RunResult, StepResult} from './result.js'
import type {Runner} from './model.js'

// A step as reporters need to know it before it runs.
export interface PlannedStep {
  id: string
  runner: Runner
  line: number
  needs: string[]
  kind: 'step' | 'table'
  title?: string // the heading above it
}

export type RunEvent =
  | {type: 'run:start'; at: number; runbook: string; runId: string; steps: PlannedStep[]; dryRun: boolean}
  | {type: 'step:start'; at: number; stepId: string; attempt: number; command?: string}
  | {type: 'step:output'; at: number; stepId: string; stream: 'stdout' | 'stderr'; chunk: string; host?: string}
  | {type: 'step:retry'; at: number; stepId: string; attempt: number; reason: string; delayMs: number}
  | {type: 'step:end'; at: number; stepId: string; result: StepResult}
  | {type: 'host:start'; at: number; stepId: string; host: string; attempt: number; command?: string} // SPEC §13
  | {type: 'host:end'; at: number; stepId: string; host: string; result: HostResult}
  | {type: 'check'; at: number; stepId: string; check: HttpCheckResult}
  | {type: 'service:ready'; at: number; stepId: string}
  | {type: 'service:stop'; at: number; stepId: string}
  | {type: 'warning'; at: number; message: string; stepId?: string}
  | {type: 'run:end'; at: number; result: RunResult}

// A function that receives every event of a run, in order.
export type EventListener = (event: RunEvent) => void
