// The text a bash step runs before its code, in the session (session-job.ts) and in its own
// process (spawn mode) alike: the job protocol that ssh targets can reuse. Both modes hand bash
// this text on a file descriptor (`. /dev/fd/N`, an unlinked file: nothing lands on disk) and then
// `eval` the step's code, so aliases restored here already apply to the code's first line.
//
// The text, in order:
//   1. a `trap` function that keeps a user's EXIT trap apart from ours (issue 12 #10), and our EXIT
//      trap; once per shell, the options a fresh job starts with (record `B`);
//   2. the carried terminal state: `shopt`/`set -o` options, aliases, functions, plain variables;
//   3. (session mode) the directory (the session server holds the environment: session-env.ts);
//   4. the document's `shell-options` (default `-e -o pipefail`), set afresh for every step;
//   5. `__rb_code`, the step's code, run by the caller's `eval`.
// The EXIT trap runs the user's EXIT trap (in a subshell, its `exit N` wins), then writes the state
// as NUL-ended records on `stateFd`: `S id pwd`, `V id\n<declare -p>`, `F id\n<declare -f>`,
// `A id\n<alias -p>`, `O id\n<shopt -p; set +o>`, then any `after` text (session sentinels), then
// `X id status`. state-records.ts reads them back. With `stateFile` (session mode) the records up to
// `E id` go to that file instead and only `X` crosses the pipe: bash writes a line at a time, and
// each line on a pipe woke Node once (~250 wake-ups a step); a file costs no reader anything.
import {shellQuote} from './state.js'

// What one bash job needs.
export interface BashJob {
  id: string
  code: string
  restore: string // replay text of the carried state ('' at the start of a run)
  options: string // the document's shell options, as `set` arguments ('' for none)
  merge: boolean // stderr into stdout's pipe (exact order for `stream=all` and transcripts)
  jobFd: number // where this text comes from: closed before the code runs
  stateFd: number // where the EXIT trap writes the state records
  cwd?: string // session mode: the step's directory
  after?: string // session mode: commands the trap runs after the state (the output sentinels)
  baseline?: boolean // send the options a fresh job starts with (record B), once per shell
  stateFile?: string // session mode: a file (`/dev/fd/N`) for the records up to `E id`, reopened without truncation
  optionsKnown?: boolean // the runner holds the O record this job starts from: send `O id\n=` when no option changed
}

// The command line that runs a job whose text is on `jobFd`.
export function bashRunLine(jobFd: number): string {
  return `. /dev/fd/${jobFd} || exit 125; eval "$__rb_code"`
}

// `trap` as a function: EXIT actions are kept in `__rb_exit` (run by our EXIT trap first), other
// signals go to the builtin. `trap`, `trap -p` list the user's EXIT action in place of ours.
const trapShim = [
  'trap() {',
  '  if [ $# -eq 0 ] || [ "$1" = -p ]; then',
  '    local __rb_l; [ $# -gt 0 ] && shift',
  '    if [ $# -eq 0 ]; then while IFS= read -r __rb_l; do case $__rb_l in *" EXIT") ;; *) printf "%s\\n" "$__rb_l" ;; esac; done < <(builtin trap -p); set -- EXIT; fi',
  '    for __rb_l do case $__rb_l in EXIT | 0 | SIGEXIT) [ -n "${__rb_exit+x}" ] && printf "trap -- %s EXIT\\n" "${__rb_exit@Q}" ;; *) builtin trap -p "$__rb_l" ;; esac; done',
  '    return 0',
  '  fi',
  '  case $1 in -l) builtin trap -l; return ;; --) shift ;; esac',
  '  [ $# -eq 1 ] && set -- - "$1"',
  '  local __rb_a=$1 __rb_g __rb_r=0; shift',
  '  for __rb_g do case $__rb_g in',
  '    EXIT | exit | 0 | SIGEXIT) if [ "$__rb_a" = - ]; then unset __rb_exit; else __rb_exit=$__rb_a; fi ;;',
  '    *) builtin trap -- "$__rb_a" "$__rb_g" || __rb_r=$? ;;',
  '  esac; done',
  '  return $__rb_r',
  '}',
  '__rb_ret() { return "$1"; }',
].join('\n')

// The EXIT trap: the user's EXIT action, then the state records, then `after`, then the status.
function exitTrap(job: BashJob): string {
  const to = `>&${job.stateFd}`
  // Opened read-write: no truncation, so a longer earlier text may follow `E id` (the reader stops there).
  const records = job.stateFile ? `1<>${job.stateFile}` : to
  const end = job.stateFile ? `E ${job.id}\\0` : ''
  return [
    '__rb_s=$?; __rb_n=$SHELLOPTS:$BASHOPTS; set +e',
    'if [ -n "${__rb_exit-}" ]; then (__rb_ret $__rb_s; eval "$__rb_exit"; exit $__rb_s); __rb_s=$?; fi',
    // The runner's status variables (one per finished step) are listed by `declare -p` and dropped
    // by Node (shell-state.ts): unsetting them here first costs bash more than listing them.
    'unset -f trap __rb_ret; unset __rb_exit',
    `{ printf "S ${job.id} %s\\0V ${job.id}\\n" "$PWD"; declare -p; printf "\\0F ${job.id}\\n"; declare -f; ` +
      `printf "\\0A ${job.id}\\n"; alias -p; printf "\\0O ${job.id}\\n"; ${optionsRecord(job)}; printf "\\0${end}"; } ${records} 2>/dev/null`,
    ...(job.after ? [job.after] : []),
    `printf "X ${job.id} %d\\0" $__rb_s ${to} 2>/dev/null`,
    'exit $__rb_s',
  ].join('; ')
}

// The options as `shopt -p; set +o` (~80 lines, a write each), or `=` when `$SHELLOPTS` and
// `$BASHOPTS` (every option that is on) are what they were when the code started.
function optionsRecord(job: BashJob): string {
  return job.optionsKnown ? 'if [ "$__rb_n" = "${__rb_o-}" ]; then printf =; else shopt -p; set +o; fi' : 'shopt -p; set +o'
}

// The whole job text (see the top of this file).
export function bashJobText(job: BashJob): string {
  const lines = [
    `exec ${job.jobFd}<&- ${job.merge ? '2>&1' : ''}`.trimEnd(),
    trapShim,
    `builtin trap -- ${shellQuote(exitTrap(job))} EXIT`,
  ]
  if (job.baseline) lines.push(`{ printf "B ${job.id}\\n"; shopt -p; set +o; printf "\\0"; } >&${job.stateFd} 2>/dev/null`)
  if (job.restore !== '') lines.push(job.restore)
  if (job.cwd !== undefined) {
    lines.push(`cd -- ${shellQuote(job.cwd)} 2>/dev/null || { echo ${shellQuote(`runbook: cannot change to ${job.cwd}`)} >&2; exit 127; }`)
  }
  lines.push(`set +e +o pipefail${job.options === '' ? '' : `; set ${job.options}`}${job.optionsKnown ? '; __rb_o=$SHELLOPTS:$BASHOPTS' : ''}`)
  lines.push(`__rb_code=${shellQuote(`unset __rb_code; ${job.code}`)}`, '')
  return lines.join('\n')
}
