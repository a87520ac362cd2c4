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
// Options the document (`shell-options`) or bash itself owns, tracing (`set -x`, `set -v`), which
// would print the next step's setup, exported values included, and `set -n` and `set -t`, which
// would stop the next step before its code: never carried from a step.
const ownOptions = new Set(['errexit', 'pipefail', 'monitor', 'privileged', 'login_shell', 'restricted_shell', 'history', 'interactive-comments', 'xtrace', 'verbose', 'noexec', 'onecmd'])

// The part of the carried state a run's bash session server can hold itself, so that the jobs it
// forks inherit it instead of replaying it (session-state.ts): plain variables and arrays (name →
// replay line), the `declare -f` text, the `alias -p` text.
export interface HeldState {
  vars: ReadonlyMap<string, string>
  functions: string
  aliases: string
}

// What a bash job left: its directory, exports and replay text; undefined when a record is missing.
// `restore` replays everything (a job in its own process); `held` and `rest` split it for a job of
// the session server: the server holds `held`, the job replays `rest` (the options and the
// variables with other attributes).
export interface BashState {
  cwd: string
  env: Record<string, string>
  restore: string
  held: HeldState
  rest: string
  options: string // the O record, for the next job that reports `=` (no option changed)
}

// Variables a job replays itself even when plain: in the server they would change how bash runs
// its own loop (posix mode, the compatibility level, the trace descriptor, word splitting, `read`'s
// time-out).
const jobOnly = new Set(['POSIXLY_CORRECT', 'BASH_COMPAT', 'BASH_XTRACEFD', 'IFS', 'TMOUT'])

interface StateKey {
  shell: string
  cwd: string
  vars: string
  functions: string
  aliases: string
  options: string
}

let last: {key: StateKey; state: BashState} | undefined

function sameKey(a: StateKey, b: StateKey): boolean {
  return a.vars === b.vars && a.cwd === b.cwd && a.functions === b.functions && a.aliases === b.aliases && a.options === b.options && a.shell === b.shell
}
const baselines = new Map<string, Set<string>>()

// True when jobs of `shell` should send their starting options once (record B).
export function needsBaseline(shell: string): boolean {
  return !baselines.has(shell)
}

// Parse a job's state records (kept from the last call when they did not change); an O record `=`
// means the options of `startOptions`, the O record the job started from, and F and A records `=`
// the functions and aliases of `start`, the state it started from.
export function parseBashState(parts: StateParts, shell = 'bash', startOptions?: string, start?: HeldState): BashState | undefined {
  if (parts.B !== undefined && !baselines.has(shell)) baselines.set(shell, new Set(parts.B.split('\n')))
  const {S: cwd, V: vars} = parts
  const options = parts.O === '=' ? startOptions : parts.O
  const functions = parts.F === '=' ? start?.functions : parts.F
  const aliases = parts.A === '=' ? start?.aliases : parts.A
  if (cwd === undefined || vars === undefined || functions === undefined || aliases === undefined || options === undefined) return undefined
  // Field by field: a joined key would copy the ~6 KB of records on every step.
  const key = {shell, cwd, vars, functions, aliases, options}
  if (last && sameKey(last.key, key)) return last.state
  const records = parseDeclareP(vars)
  if (!records) return undefined
  const exported: DeclareRecord[] = []
  const plain: string[] = []
  const others: string[] = []
  const heldRecords: DeclareRecord[] = []
  for (const record of records) {
    let use = uses.get(record)
    if (use === undefined) uses.set(record, (use = useOf(record)))
    if (use === 'export') exported.push(record)
    else if (use !== 'skip') {
      plain.push(use.line)
      if (use.held) heldRecords.push(record)
      else others.push(use.line)
    }
  }
  // The same records as last time (parseDeclareP hands back the same objects): the same objects.
  const env = sameRecords(exported, lastExports.records) ? lastExports.env : exportsOf(exported)
  const held = sameRecords(heldRecords, lastHeld.records) ? lastHeld.vars : heldOf(heldRecords)
  const optionLines = optionText(options, baselines.get(shell))
  const kept = {vars: held, functions: functions.trimEnd(), aliases: aliases.trimEnd()}
  const restore = joinLines([optionLines, kept.aliases, kept.functions, plain.join('\n')])
  const state = {cwd, env, restore, held: kept, rest: joinLines([optionLines, others.join('\n')]), options}
  last = {key, state}
  return state
}

// What a `declare -p` record is to the next step: left out, an export, or a line to replay (held
// by the session server or replayed by the job). Worked out once per record object.
type Use = 'skip' | 'export' | {line: string; held: boolean}
const uses = new WeakMap<DeclareRecord, Use>()

function useOf(record: DeclareRecord): Use {
  if (special.has(record.name) || record.name.startsWith('__rb_') || isStatusVariable(record.name)) return 'skip'
  if (record.flags.includes('x')) return record.value === undefined ? 'skip' : 'export'
  if (defaults.get(record.name) === record.raw) return 'skip'
  return {line: replayLine(record), held: holdable(record)}
}

let lastExports: {records: DeclareRecord[]; env: Record<string, string>} = {records: [], env: {}}
let lastHeld: {records: DeclareRecord[]; vars: Map<string, string>} = {records: [], vars: new Map()}

// The exported variables of these records. The object is shared by every state made from the same
// records: its readers copy it (state.ts's nextState), none changes it.
function exportsOf(records: DeclareRecord[]): Record<string, string> {
  const env: Record<string, string> = {}
  for (const record of records) env[record.name] = record.value!
  lastExports = {records, env}
  return env
}

// The same record objects in the same order.
function sameRecords(a: DeclareRecord[], b: DeclareRecord[]): boolean {
  return a.length === b.length && a.every((record, i) => record === b[i])
}

function heldOf(records: DeclareRecord[]): Map<string, string> {
  const vars = new Map<string, string>()
  for (const record of records) vars.set(record.name, (uses.get(record) as {line: string}).line)
  lastHeld = {records, vars}
  return vars
}

function joinLines(texts: string[]): string {
  return texts.filter((text) => text !== '').join('\n')
}

// A variable the session server may hold: a plain one, an indexed or associative array (no other
// attribute: read-only, integer, name reference or case would bind the server too).
function holdable(record: DeclareRecord): boolean {
  return (record.flags === '-' || record.flags === 'a' || record.flags === 'A') && !jobOnly.has(record.name)
}

// A plain variable or indexed array with a value replays as a bare assignment, which bash runs
// faster than the `declare` builtin (13 variables: ~0.11 → ~0.08 ms a step; the replay runs at the
// job's top level, where the two mean the same). Anything with other attributes (integer,
// read-only, associative, name reference, case) or without a value keeps its `declare`, as
// `builtin declare` (a step may have defined a function named `declare`). bash parses
// `NAME=(…)` after `builtin declare` as a plain word, a syntax error, so an array with attributes
// is declared first and assigned after, and made read-only last.
function replayLine(record: DeclareRecord): string {
  const prefix = `declare -${record.flags} ${record.name}=`
  if (!record.raw.startsWith(prefix)) return `builtin ${record.raw}`
  const value = record.raw.slice(prefix.length)
  if (record.flags === '-' || record.flags === 'a') return `${record.name}=${value}`
  if (!value.startsWith('(')) return `builtin ${record.raw}`
  const flags = record.flags.replace('r', '')
  return `builtin declare -${flags} ${record.name}; ${record.name}=${value}${flags === record.flags ? '' : `; builtin declare -r ${record.name}`}`
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
  if (on.length > 0) commands.push(`builtin shopt -s ${on.join(' ')}`)
  if (off.length > 0) commands.push(`builtin shopt -u ${off.join(' ')}`)
  if (set.length > 0) commands.push(`builtin set ${set.join(' ')}`)
  return commands.join('; ')
}
