// Accepted exit codes (`exit=0,1`, `nonzero`, `any`).
import type {ExitSpec} from '../model.js'

// True when a process's exit code is accepted; a process killed by a signal (null) only passes `any`.
export function exitAccepted(spec: ExitSpec, code: number | null): boolean {
  if (spec.kind === 'any') return true
  if (code === null) return false
  if (spec.kind === 'nonzero') return code !== 0
  return spec.codes.includes(code)
}
