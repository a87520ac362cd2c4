// STUB — replaced by evidence (issue 5).
import type {Runbook} from '../model.js'
import type {RunResult, StepStatus} from '../result.js'
import type {EventListener} from '../events.js'
import type {Redactor} from '../redact/index.js'

export interface EvidenceWriter {
  onEvent: EventListener
  finish(result: RunResult, report: string): Promise<void>
}
export async function createEvidence(_dir: string, _runbook: Runbook, _options: {redactor: Redactor}): Promise<EvidenceWriter> {
  throw new Error('evidence is not built yet')
}
export async function readLastRun(_dir: string): Promise<{steps: Array<{id: string; status: StepStatus}>} | undefined> {
  return undefined
}
