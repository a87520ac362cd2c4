// --only, --target and --from across many files: each file takes the named steps it has; a file
// with none of them is skipped rather than refused, as a linter skips files a rule does not apply to.
import type {Runbook} from '../model.js'

interface Selection {
  only?: string | undefined
  target?: string | undefined
  from?: string | undefined
}

// The selection for one file: undefined when the file has none of the named steps (skip it),
// else the flags narrowed to the ids this file has.
export function selectionForFile<T extends Selection>(values: T, runbook: Runbook): T | undefined {
  if (values.only === undefined && values.target === undefined && values.from === undefined) return values
  const ids = new Set([...runbook.steps.map((step) => step.id), ...runbook.tables.map((table) => table.id)])
  const only = values.only?.split(',').map((id) => id.trim()).filter((id) => ids.has(id))
  if (values.only !== undefined && only!.length === 0) return undefined
  if (values.target !== undefined && !ids.has(values.target)) return undefined
  if (values.from !== undefined && !ids.has(values.from)) return undefined
  return values.only === undefined ? values : {...values, only: only!.join(',')}
}

// The ids the selection names, quoted: `a`, `b`.
export function namedSteps(values: Selection): string {
  const named = [values.only, values.target, values.from].filter(Boolean).join(',')
  return named.split(',').map((id) => `\`${id.trim()}\``).join(', ')
}

// Why a file was skipped by the selection, for the report.
export function selectionSkipReason(values: Selection): string {
  return `no step ${namedSteps(values)}`
}
