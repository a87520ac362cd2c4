// STUB — replaced by the executor (issue 3).
import type {Readable, Writable} from 'node:stream'
import type {Runbook} from '../model.js'
import type {RunResult, StepStatus} from '../result.js'

import type {EventListener} from '../events.js'
import type {Redactor} from '../redact/index.js'

export interface RunOptions {
  env: Record<string, string | undefined>
  set: Record<string, string>
  yes: boolean
  interactive: boolean
  concurrency?: number
  only?: string[]
  from?: string
  target?: string
  tags: string[]
  dryRun: boolean
  resumeFrom?: {steps: Array<{id: string; status: StepStatus}>}
  timeoutMs?: number
  signal?: AbortSignal
  onEvent?: EventListener
  redactor?: Redactor
  stdin?: Readable & {isTTY?: boolean}
  stderr?: Writable
}

export async function runRunbook(_runbook: Runbook, _options: RunOptions): Promise<RunResult> {
  throw new Error('runRunbook is not built yet')
}
