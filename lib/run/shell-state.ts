// One terminal across bash steps (SPEC §1, §3): turn the state records a job's EXIT trap sent
// (bash-job.ts) into the next step's state: the directory, the exported environment, and the
// replay text for everything else (options, aliases, functions, plain variables). Unchanged
// records cost a string comparison: the last parse is kept.
import {parseDeclareP, type DeclareRecord} from './export-p.js'
import {isStatusVariable} from './status-env.js'

// The records of one job: S (pwd), V (declare -p), F (declare -f), A (alias -p), O (shopt -p; set +o),
// and B (the options a fresh job starts with, sent once per shell: only differences are replayed).
export type StateParts = Partial<Record<'S' | 'V' | 'F' | 'A' | 'O' | 'B', string>>

// Bash's own variables, and the ones the executor sets per step: never replayed.
const special = new Set([
  'BASH', 'BASHOPTS', 'BASHPID', 'BASH_ALIASES', 'BASH_ARGC', 'BASH_ARGV', 'BASH_ARGV0', 'BASH_CMDS', 'BASH_COMMAND',
  'BASH_EXECUTION_STRING', 'BASH_LINENO', 'BASH_LOADABLES_PATH', 'BASH_REMATCH', 'BASH_SOURCE', 'BASH_SUBSHELL',
  'BASH_VERSINFO', 'BASH_VERSION', 'COMP_WORDBREAKS', 'DIRSTACK', 'EPOCHREALTIME', 'EPOCHSECONDS', 'EUID', 'FUNCNAME',
  'GROUPS', 'HISTCMD', 'HOSTNAME', 'HOSTTYPE', 'LINENO', 'MACHTYPE', 'OSTYPE', 'PIPESTATUS', 'PPID', 'PS4', 'RANDOM',
  'SECONDS', 'SHELLOPTS', 'SHLVL', 'SRANDOM', 'UID', '_', 'PWD', 'OLDPWD',
])
// Plain variables whose raw `declare -p` text is bash's default: not worth replaying.
const defaults = new Map([
  ['IFS', "declare -- IFS=$' \\t\\n'"],
  ['OPTERR', 'declare -- OPTERR="1"'],
  ['OPTIND', 'declare -i OPTIND="1"'],
])
// Options the document (`shell-options`) or bash itself owns, and tracing (`set -x`, `set -v`),
// which would print the next step's setup, exported values included: never carried from a step.
const ownOptions = new Set(['errexit', 'pipefail', 'monitor', 'privileged', 'login_shell', 'restricted_shell', 'history', 'interactive-comments', 'xtrace', 'verbose'])

// What a bash job left: its directory, exports and replay text; undefined when a record is missing.
export interface BashState {
  cwd: string
  env: Record<string, string>
  restore: string
  options: string // the O record, for the next job that reports `=` (no option changed)
}

let last: {key: string; state: BashState} | undefined
const baselines = new Map<string, Set<string>>()

// True when jobs of `shell` should send their starting options once (record B).
export function needsBaseline(shell: string): boolean {
  return !baselines.has(shell)
}

// Parse a job's state records (kept from the last call when they did not change); an O record `=`
// means the options of `startOptions`, the O record the job started from.
export function parseBashState(parts: StateParts, shell = 'bash', startOptions?: string): BashState | undefined {
  if (parts.B !== undefined && !baselines.has(shell)) baselines.set(shell, new Set(parts.B.split('\n')))
  const {S: cwd, V: vars, F: functions, A: aliases} = parts
  const options = parts.O === '=' ? startOptions : parts.O
  if (cwd === undefined || vars === undefined || functions === undefined || aliases === undefined || options === undefined) return undefined
  const key = `${shell}\0${cwd}\0${vars}\0${functions}\0${aliases}\0${options}`
  if (last?.key === key) return last.state
  const records = parseDeclareP(vars)
  if (!records) return undefined
  const env: Record<string, string> = {}
  const plain: string[] = []
  for (const record of records) {
    if (special.has(record.name) || record.name.startsWith('__rb_') || isStatusVariable(record.name)) continue
    if (record.flags.includes('x')) {
      if (record.value !== undefined) env[record.name] = record.value
      continue
    }
    if (defaults.get(record.name) !== record.raw) plain.push(replayLine(record))
  }
  const restore = [optionText(options, baselines.get(shell)), aliases.trimEnd(), functions.trimEnd(), plain.join('\n')].filter((text) => text !== '').join('\n')
  const state = {cwd, env, restore, options}
  last = {key, state}
  return state
}

// A plain variable or indexed array with a value replays as a bare assignment, which bash runs
// faster than the `declare` builtin (13 variables: ~0.11 → ~0.08 ms a step; the replay runs at the
// job's top level, where the two mean the same). Anything with other attributes (integer,
// read-only, associative, name reference, case) or without a value keeps its `declare`.
function replayLine(record: DeclareRecord): string {
  const prefix = `declare -${record.flags} `
  const plainKind = record.flags === '-' || record.flags === 'a'
  return plainKind && record.raw.startsWith(`${prefix}${record.name}=`) ? record.raw.slice(prefix.length) : record.raw
}

let lastOptions: {text: string; baseline: Set<string> | undefined; commands: string} | undefined

// `shopt -p` and `set +o` lines as up to three commands (`shopt -s …`, `shopt -u …`, `set -o … +o …`),
// leaving out the lines a fresh job starts with anyway. The last answer is kept: options change
// far less often than variables.
function optionText(text: string, baseline: Set<string> | undefined): string {
  if (lastOptions?.text === text && lastOptions.baseline === baseline) return lastOptions.commands
  const commands = optionCommands(text, baseline)
  lastOptions = {text, baseline, commands}
  return commands
}

function optionCommands(text: string, baseline: Set<string> | undefined): string {
  const on: string[] = []
  const off: string[] = []
  const set: string[] = []
  for (const line of text.split('\n')) {
    const found = /^(shopt|set) ([-+][so]) ([A-Za-z_-]+)$/.exec(line)
    if (!found || ownOptions.has(found[3]!) || baseline?.has(line)) continue
    if (found[1] === 'shopt') (found[2] === '-s' ? on : off).push(found[3]!)
    else set.push(`${found[2]} ${found[3]}`)
  }
  const commands: string[] = []
  if (on.length > 0) commands.push(`shopt -s ${on.join(' ')}`)
  if (off.length > 0) commands.push(`shopt -u ${off.join(' ')}`)
  if (set.length > 0) commands.push(`set ${set.join(' ')}`)
  return commands.join('; ')
}
