// The exported environment of a run's bash session server (session.ts), kept in step with what
// each job needs. A job is forked from the server and inherits its exports, so the server applies
// only what changed since the last job (usually the previous step's status variable and the step
// id) instead of every job exporting all ~50–250 variables again: `export` of 240 variables costs
// bash ~0.9 ms a step, and the run's `$RUNBOOK_STATUS_*` variables grow by one a step (issue 17).
import {shellQuote} from '../shell/values.js'
import {statusVariable} from './status-env.js'

// Bash's own read-only or special variables: never exported or unset by the runner.
const reserved = new Set(['BASHOPTS', 'SHELLOPTS', 'UID', 'EUID', 'PPID', 'BASH_VERSINFO', 'BASHPID', 'GROUPS', 'BASH_ARGV0', 'RANDOM', 'SECONDS', 'LINENO', 'SRANDOM', 'EPOCHSECONDS', 'EPOCHREALTIME', 'HISTCMD', 'FUNCNAME', 'BASH_SUBSHELL'])
// Variables bash sets itself when it starts: their values in the server are not the ones it was given.
const ownedByBash = ['PWD', 'OLDPWD', 'SHLVL', '_']

const checked = new Map<string, boolean>()

// True for a name a job may export or unset (remembered: the same names come every step).
function settable(name: string): boolean {
  let ok = checked.get(name)
  if (ok === undefined) checked.set(name, (ok = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !reserved.has(name)))
  return ok
}

// What the server exports now, as far as the runner knows (undefined: a value bash chose).
export class ServerEnv {
  private readonly known = new Map<string, string | undefined>()
  // The `$RUNBOOK_STATUS_<ID>` values sent from `statuses` (one more every step: kept apart from
  // `known`, so a step compares only the new ones instead of the whole environment again).
  private readonly fromStatuses = new Map<string, string>()

  constructor(env: Record<string, string>) {
    for (const [name, value] of Object.entries(env)) if (settable(name)) this.known.set(name, value)
    for (const name of ownedByBash) this.known.set(name, undefined)
  }

  // Commands that make the server's exports equal `env` plus the status variables of `statuses`
  // (step id → status; they override `env`, except the names the step's own `env=`, `overrides`,
  // sets: the precedence of attempt.ts's processEnv). '' when nothing changed; from then on the
  // server is taken to have applied them.
  delta(env: Record<string, string>, statuses?: ReadonlyMap<string, string>, overrides?: Record<string, string>): string {
    const drop: string[] = []
    for (const name of this.known.keys()) {
      if (Object.hasOwn(env, name)) continue
      drop.push(name)
      this.known.delete(name)
      this.fromStatuses.delete(name) // unset: a status of that name is sent again below
    }
    const pairs: string[] = []
    for (const name in env) {
      const value = env[name]!
      if (this.known.get(name) === value || !settable(name)) continue
      pairs.push(`${name}=${shellQuote(value)}`)
      this.known.set(name, value)
      this.fromStatuses.delete(name) // overwritten: a status of that name is sent again below
    }
    // forEach: no [id, status] pair is allocated per status and step.
    statuses?.forEach((status, id) => {
      const name = statusVariable(id)
      if (this.fromStatuses.get(name) === status || (overrides !== undefined && Object.hasOwn(overrides, name))) return
      pairs.push(`${name}=${shellQuote(status)}`)
      this.fromStatuses.set(name, status)
    })
    const lines: string[] = []
    if (drop.length > 0) lines.push(`builtin unset -v ${drop.join(' ')}`)
    if (pairs.length > 0) lines.push(`builtin export ${pairs.join(' ')}`)
    return lines.join('\n')
  }
}
