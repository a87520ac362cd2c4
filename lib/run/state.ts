// The terminal-session state that flows from one shell step to the next: exported variables and
// the working directory. Each step's own shell writes it from an EXIT trap, so no second process.
import {parseExportP} from './export-p.js'
import {shellQuote} from '../shell/values.js'
import {isStatusVariable} from './status-env.js'

// What a step starts from and leaves behind.
export interface SessionState {
  env: Record<string, string>
  cwd: string
}

// The text a shell runs before the user's code: an EXIT trap that saves `pwd` and the exports to
// `stateFile` and keeps the step's exit status. Bash uses builtins only (`export -p`); other
// shells fall back to `env -0`. It stays on the first line so the user's line numbers stay right.
export function statePrologue(shell: string, stateFile: string): string {
  const file = shellQuote(stateFile)
  const dump = isBash(shell) ? 'export -p' : 'env -0'
  return `trap '__rb_s=$?; { printf "%s\\0" "$PWD"; ${dump}; } >${file.replace(/'/g, `'\\''`)} 2>/dev/null; exit $__rb_s' EXIT; `
}

// Read the state a step's EXIT trap wrote; undefined when it never ran (exec, kill -9, a trap of its own).
export function parseStateFile(shell: string, text: string): SessionState | undefined {
  const cut = text.indexOf('\0')
  if (cut === -1) return undefined
  const cwd = text.slice(0, cut)
  const rest = text.slice(cut + 1)
  const env = isBash(shell) ? parseExportP(rest) : parseEnvZero(rest)
  if (env === undefined) return undefined
  return {cwd, env}
}

// True when the interpreter is bash (its `export -p` output is what we parse).
export function isBash(shell: string): boolean {
  const first = shell.trim().split(/\s+/)[0] ?? ''
  return first === 'bash' || first.endsWith('/bash')
}

function parseEnvZero(text: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const entry of text.split('\0')) {
    const at = entry.indexOf('=')
    if (at > 0) env[entry.slice(0, at)] = entry.slice(at + 1)
  }
  return env
}

// Single-quote a word for a POSIX shell (one implementation, in lib/shell/values.ts).
export {shellQuote} from '../shell/values.js'

// Variables the executor sets per step: not part of the state that carries over.
export const perStepNames = new Set(['RUNBOOK_STEP_ID', 'SHLVL', '_', 'OLDPWD'])

// The state after a step: what its shell left, minus the step-only `env=` values it did not change.
// A step run in its own `cwd=` that did not `cd` elsewhere leaves the session where it was.
export function nextState(before: SessionState, after: SessionState | undefined, stepEnv: Record<string, string>, stepCwd?: string): SessionState {
  if (!after) return before
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(after.env)) {
    if (perStepNames.has(name) || isStatusVariable(name)) continue
    if (name in stepEnv && stepEnv[name] === value) {
      if (name in before.env) env[name] = before.env[name]!
      continue
    }
    env[name] = value
  }
  const cwd = stepCwd !== undefined && after.cwd === stepCwd ? before.cwd : after.cwd
  env['PWD'] = cwd
  return {env, cwd}
}
