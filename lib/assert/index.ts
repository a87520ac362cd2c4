// STUB — replaced by the matcher (issue 4).
import type {ExitSpec, Expectation} from '../model.js'

export type ExpectationOutcome = {ok: true} | {ok: false; message: string; diff?: string; actual: string}

export function matchExpectation(_expectation: Expectation, _output: {stdout: string; stderr: string; all: string}, _context: {dir: string}): ExpectationOutcome {
  return {ok: true}
}
export function matchText(_expected: string, _actual: string, _options: {mode?: 'exact' | 'contains'} = {}): {ok: boolean; message?: string; diff?: string} {
  return {ok: true}
}
export function blessText(_expected: string, actual: string): string {
  return actual
}
export function exitAccepted(spec: ExitSpec, code: number | null): boolean {
  if (spec.kind === 'any') return true
  if (spec.kind === 'nonzero') return code !== 0
  return code !== null && spec.codes.includes(code)
}
