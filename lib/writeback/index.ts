// STUB — replaced by write-back (issue 5).
import type {Runbook} from '../model.js'
import type {RunResult} from '../result.js'
import type {Redactor} from '../redact/index.js'

export function renderWriteBack(runbook: Runbook, _result: RunResult, _options: {stable: boolean; outputs: boolean; update: boolean; redactor: Redactor; maxLines?: number}): string {
  return runbook.source
}
export async function writeFileAtomic(path: string, _text: string, _options: {original?: string}): Promise<{path: string; conflict: boolean}> {
  throw new Error(`writeFileAtomic is not built yet (${path})`)
}
