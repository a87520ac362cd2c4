// STUB — replaced by the parser (issue 2).
import type {Runbook} from '../model.js'

export function parseRunbook(_source: string, _options: {file: string; dir?: string; all?: boolean}): Runbook {
  throw new Error('parseRunbook is not built yet')
}
export async function readRunbook(_path: string, _options: {all?: boolean; file?: string; source?: string} = {}): Promise<Runbook> {
  throw new Error('readRunbook is not built yet')
}
export function assertRunnable(_runbook: Runbook): void {}
