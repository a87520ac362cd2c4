// STUB — replaced by redaction (issue 5).
import type {Runbook} from '../model.js'

export interface Redactor {
  redact(text: string): string
  stream(): {write(chunk: string): string; end(): string}
}
export function collectSecrets(_runbook: Runbook, _env: Record<string, string | undefined>): {values: string[]; warnings: string[]} {
  return {values: [], warnings: []}
}
export function createRedactor(_values: string[]): Redactor {
  return {redact: (t) => t, stream: () => ({write: (c) => c, end: () => ''})}
}
