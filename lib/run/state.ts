// The terminal-session state that flows from one shell step to the next: exported variables, the
// working directory and, from bash, the replay text of options, aliases, functions and plain
// variables (shell-state.ts). Each step's own shell writes it from an EXIT trap: no second process.
import {parseExportP} from './export-p.js'
import {shellQuote} from '../shell/values.js'
import {isStatusVariable} from './status-env.js'
import type {HeldState} from './shell-state.js'

// What a step starts from and leaves behind.
export interface SessionState {
  env: Record<string, string>
  cwd: string
  restore?: string // bash: replay text of the rest of the terminal ('' or absent: nothing)
  held?: HeldState // bash: the part of it a session server holds (shell-state.ts)
  rest?: string // bash: what a session job replays itself when the server holds `held`
  options?: string // bash: the O record (`shopt -p; set +o`) the state came from
}

// The text a non-bash shell runs before the user's code: an EXIT trap that saves `pwd` and the
// exports (`env -0`) to `stateFile` and keeps the step's exit status, then the document's shell
// options, each on its own so that one the shell lacks (dash has no pipefail) is skipped. It stays
// on the first line so the user's line numbers stay right. Bash steps use bash-job.ts instead.
export function statePrologue(shell: string, stateFile: string, options = ''): string {
  const file = shellQuote(stateFile)
  const trap = `trap '__rb_s=$?; { printf "%s\\0" "$PWD"; env -0; } >${file.replace(/'/g, `'\\''`)} 2>/dev/null; exit $__rb_s' EXIT; `
  return trap + setOptionsText(options)
}

// The document's shell options as `set` commands for any POSIX-family shell, each on its own and
// skipped quietly when the shell lacks it (dash has no pipefail); '' when there are none.
export function setOptionsText(options: string): string {
  return optionUnits(options).map((unit) => `command set ${unit} 2>/dev/null || :; `).join('')
}

// `-euo pipefail` → [`-e`, `-u`, `-o pipefail`]: each flag on its own, each `o` with the name after it.
export function optionUnits(options: string): string[] {
  const words = options.trim().split(/\s+/).filter((word) => word !== '')
  const units: string[] = []
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    const sign = word[0]
    if (sign !== '-' && sign !== '+') continue // a name without its `-o`: already taken, or not an option
    for (const letter of word.slice(1)) {
      if (letter === 'o') {
        const name = words[i + 1]
        if (name !== undefined && !/^[-+]/.test(name)) units.push(`${sign}o ${shellQuote(words[++i]!)}`)
      } else if (/[A-Za-z]/.test(letter)) units.push(`${sign}${letter}`)
    }
  }
  return units
}

// True when the interpreter is a POSIX-family shell that takes `set -e` (bash, sh, dash, zsh, ksh).
export function takesSetOptions(shell: string): boolean {
  const first = (shell.trim().split(/\s+/)[0] ?? '').split('/').pop() ?? ''
  return /^(bash|sh|dash|zsh|ksh|mksh|ash)$/.test(first)
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
  for (const name in after.env) {
    const value = after.env[name]!
    if (perStepNames.has(name) || isStatusVariable(name)) continue
    if (name in stepEnv && stepEnv[name] === value) {
      if (name in before.env) env[name] = before.env[name]!
      continue
    }
    env[name] = value
  }
  const cwd = stepCwd !== undefined && after.cwd === stepCwd ? before.cwd : after.cwd
  env['PWD'] = cwd
  const state: SessionState = {env, cwd}
  const terminal = after.restore !== undefined ? after : before
  if (terminal.restore !== undefined) state.restore = terminal.restore
  if (terminal.held !== undefined) state.held = terminal.held
  if (terminal.rest !== undefined) state.rest = terminal.rest
  const options = after.options ?? before.options
  if (options !== undefined) state.options = options
  return state
}
