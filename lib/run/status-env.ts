// `$RUNBOOK_STATUS_<ID>`: the status of every finished step, for `if=` conditions and step code.
import type {StepStatus} from '../result.js'

const prefix = 'RUNBOOK_STATUS_'

const names = new Map<string, string>()

// `db-migrate.v2` → `RUNBOOK_STATUS_DB_MIGRATE_V2` (remembered: every later step needs it again).
export function statusVariable(stepId: string): string {
  let name = names.get(stepId)
  if (name === undefined) names.set(stepId, (name = prefix + idVariable(stepId)))
  return name
}

// A step id as a variable name: `has-reason` → `HAS_REASON` (decisions, statuses).
export function idVariable(stepId: string): string {
  return stepId.toUpperCase().replace(/[^A-Z0-9_]/g, '_')
}

// The variables for the steps finished so far, added to `env` (or a new object).
export function statusEnv(statuses: ReadonlyMap<string, StepStatus> | undefined, env: Record<string, string> = {}): Record<string, string> {
  for (const [id, status] of statuses ?? []) env[statusVariable(id)] = status
  return env
}

// True for a status variable: set per step, never carried in the session state.
export function isStatusVariable(name: string): boolean {
  return name.startsWith(prefix)
}
