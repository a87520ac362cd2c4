// The text a bash step runs before its code, in the session (session-job.ts) and in its own
// process (spawn mode) alike. Both modes hand bash this text on a file descriptor (`. /dev/fd/N`,
// an unlinked file: nothing lands on disk) and then `eval` the step's code, so aliases restored here
// already apply to the code's first line.
//
// The library (bashJobLibrary) is three functions: a `trap` shim that keeps a user's EXIT trap
// apart from ours (issue 12 #10), `__rb_ret`, and `__rb_on_exit`, our EXIT trap. The session server
// defines them once and every job it forks inherits them already parsed (bash parsed the ~1.5 KB
// again for every step before: ~0.25 ms of a step's CPU); a spawned job's text starts with them.
//
// A job's own text, in order:
//   1. its id (`__rb_job`), its output marker (`__rb_mark`, session mode) and our EXIT trap; once per
//      shell, the options a fresh job starts with (record `B`);
//   2. the carried terminal state: `shopt`/`set -o` options, aliases, functions, plain variables;
//   3. (session mode) the directory (the session server holds the environment: session-env.ts);
//   4. the document's `shell-options` (default `-e -o pipefail`), set afresh for every step;
//   5. `__rb_code`, the step's code, run by the caller's `eval`.
// The EXIT trap runs the user's EXIT trap (in a subshell, its `exit N` wins), then writes the state
// records `S id pwd`, `V id\n<declare -p>`, `F id\n<declare -f>`, `A id\n<alias -p>` (both `=`
// when the step could not change them),
// `O id\n<shopt -p; set +o>` and `E id` into the state file (an anonymous file: bash writes a line at
// a time, and each line on a pipe woke Node once, ~250 wake-ups a step; a file costs no reader
// anything), then the session's output markers, then `X id status` on the reply descriptor: the
// only record that crosses a pipe. state-records.ts reads them back.
import {shellQuote} from './state.js'

// What one bash job needs.
export interface BashJob {
  id: string
  code: string
  restore: string // replay text of the carried state ('' at the start of a run)
  options: string // the document's shell options, as `set` arguments ('' for none)
  merge: boolean // stderr into stdout's pipe (exact order for `stream=all` and transcripts)
  jobFd: number // where this text comes from: closed before the code runs
  cwd?: string // session mode: the step's directory
  mark?: string // session mode: the output marker `\0RBEND:<mark>\0` the trap prints on both streams
  keepState?: boolean // the code cannot change the terminal state (state-neutral.ts): send no state records
  keepDefinitions?: boolean // the code cannot change functions or aliases (state-neutral.ts): send `=` for them
  baseline?: boolean // send the options a fresh job starts with (record B), once per shell
  optionsKnown?: boolean // the runner holds the O record this job starts from: send `O id\n=` when no option changed
}

// Where a job's EXIT trap writes, in both modes: the state records into the state file (descriptor
// `state`, reopened read-write as `stateFile`, without truncation: a longer earlier text may follow
// `E id`, the reader stops there), the B and X records on the reply descriptor. The session server
// and a spawned job set up these descriptors from these numbers.
export const jobChannels = {replies: 62, state: 64, stateFile: '/dev/fd/64'}

// Session mode: the descriptors of the session's stdout and stderr, which get the output marker.
export interface MarkerStreams {
  stdout: number
  stderr: number
}

// The command line that runs a job whose text is on `jobFd`.
export function bashRunLine(jobFd: number): string {
  return `builtin . /dev/fd/${jobFd} || builtin exit 125; builtin eval "$__rb_code"`
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

// `__rb_on_exit`, our EXIT trap: the user's EXIT action, then the state records, then the markers,
// then the status. It reads the job's id (`__rb_job`), marker (`__rb_mark`) and the options it
// started with (`__rb_o`, set only when the runner holds them) from the job's variables; it removes
// the library before `declare -f`, so the functions never join the carried state. (Bash runs a copy
// of a function's body, so it may unset itself.)
function exitFunction(streams: MarkerStreams | undefined): string {
  const markers = streams
    ? `if [[ -n \${__rb_mark-} ]]; then builtin printf "\\0RBEND:%s\\0" "$__rb_mark" >&${streams.stdout}; builtin printf "\\0RBEND:%s\\0" "$__rb_mark" >&${streams.stderr}; fi`
    : ''
  return [
    '__rb_on_exit() {',
    '  __rb_s=$?; __rb_n=$SHELLOPTS:$BASHOPTS; builtin set +e',
    '  if [[ -n ${__rb_exit-} ]]; then (__rb_ret $__rb_s; builtin eval "$__rb_exit"; builtin exit $__rb_s); __rb_s=$?; fi',
    // The runner's status variables (one per finished step) are listed by `declare -p` and dropped
    // by Node (shell-state.ts): unsetting them here first costs bash more than listing them.
    '  builtin unset -f trap __rb_ret __rb_on_exit; builtin unset -v __rb_exit',
    // `__rb_keep`: a step that cannot change the state (state-neutral.ts) sends none.
    '  [[ -n ${__rb_keep-} ]] || { builtin printf "S %s %s\\0V %s\\n" "$__rb_job" "$PWD" "$__rb_job"; builtin declare -p; builtin printf "\\0F %s\\n" "$__rb_job"; ' +
      // `__rb_defs`: a step that cannot change functions or aliases sends `=` for both.
      'if [[ -n ${__rb_defs-} ]]; then builtin printf "=\\0A %s\\n=" "$__rb_job"; else builtin declare -f; builtin printf "\\0A %s\\n" "$__rb_job"; builtin alias -p; fi; ' +
      'builtin printf "\\0O %s\\n" "$__rb_job"; ' +
      // The options as `shopt -p; set +o` (~80 lines, a write each), or `=` when `$SHELLOPTS` and
      // `$BASHOPTS` (every option that is on) are what they were when the code started.
      'if [[ $__rb_n == "${__rb_o-}" ]]; then builtin printf =; else builtin shopt -p; builtin set +o; fi; ' +
      `builtin printf "\\0E %s\\0" "$__rb_job"; } 1<>${jobChannels.stateFile} 2>/dev/null`,
    ...(markers ? [`  ${markers}`] : []),
    `  builtin printf "X %s %d\\0" "$__rb_job" $__rb_s >&${jobChannels.replies} 2>/dev/null`,
    '  builtin exit $__rb_s',
    '}',
  ].join('\n')
}

// The functions every job relies on (the `trap` shim, `__rb_ret`, `__rb_on_exit`): the session
// server defines them once; a spawned job's text starts with them.
export function bashJobLibrary(streams?: MarkerStreams): string {
  return [trapShim, exitFunction(streams)].join('\n')
}

// A job's own text (see the top of this file); `withLibrary` puts the functions first, for a bash
// that has not defined them (spawn mode).
export function bashJobText(job: BashJob, withLibrary = false): string {
  const lines = [`exec ${job.jobFd}<&- ${job.merge ? '2>&1' : ''}`.trimEnd()]
  if (withLibrary) lines.push(bashJobLibrary())
  const marks = `${job.mark === undefined ? '' : ` __rb_mark=${shellQuote(job.mark)}`}${job.keepState ? ' __rb_keep=1' : ''}${job.keepDefinitions ? ' __rb_defs=1' : ''}`
  lines.push(`__rb_job=${job.id}${marks}; builtin trap -- __rb_on_exit EXIT`)
  if (job.baseline) lines.push(`{ builtin printf "B ${job.id}\\n"; builtin shopt -p; builtin set +o; builtin printf "\\0"; } >&${jobChannels.replies} 2>/dev/null`)
  if (job.restore !== '') lines.push(job.restore)
  if (job.cwd !== undefined) {
    lines.push(`builtin cd -- ${shellQuote(job.cwd)} 2>/dev/null || { builtin echo ${shellQuote(`runbook: cannot change to ${job.cwd}`)} >&2; builtin exit 127; }`)
  }
  lines.push(`builtin set +e +o pipefail${job.options === '' ? '' : `; builtin set ${job.options}`}${job.optionsKnown ? '; __rb_o=$SHELLOPTS:$BASHOPTS' : ''}`)
  lines.push(`__rb_code=${shellQuote(`builtin unset -v __rb_code; ${job.code}`)}`, '')
  return lines.join('\n')
}
