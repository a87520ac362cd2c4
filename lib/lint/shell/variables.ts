// Which variables a shell script sets and which it expands, as far as lint can tell without running it.
import {keepSegments, lexShell} from './lex.js'

// One expansion of a variable: `$NAME` or `${NAME…}` with its offset in the script.
export interface VariableUse {
  name: string
  index: number
  length: number
  hasDefault: boolean // `${NAME:-x}`, `${NAME-x}`, `${NAME:+x}`, `${NAME:?msg}`
}

// Variables the shell or the system always provides.
export const standardVariables = new Set([
  'HOME', 'PATH', 'USER', 'LOGNAME', 'PWD', 'OLDPWD', 'SHELL', 'TERM', 'LANG', 'LANGUAGE', 'HOSTNAME', 'HOSTTYPE',
  'UID', 'EUID', 'GROUPS', 'PPID', 'RANDOM', 'SRANDOM', 'SECONDS', 'LINENO', 'IFS', 'PS1', 'PS2', 'PS3', 'PS4',
  'TMPDIR', 'OSTYPE', 'MACHTYPE', 'REPLY', 'OPTARG', 'OPTIND', 'OPTERR', 'PIPESTATUS', 'FUNCNAME', 'BASH',
  'BASHPID', 'BASH_SOURCE', 'BASH_LINENO', 'BASH_REMATCH', 'BASH_VERSION', 'BASH_VERSINFO', 'BASH_ENV',
  'BASH_COMMAND', 'SHLVL', 'EDITOR', 'VISUAL', 'PAGER', 'MAIL', 'TZ', 'DISPLAY', 'COLUMNS', 'LINES', 'CI',
  'EPOCHSECONDS', 'EPOCHREALTIME', 'HISTFILE', 'HISTSIZE', 'SSH_AUTH_SOCK', 'NO_COLOR', 'RUNBOOK_RUN_ID',
  'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_RUNTIME_DIR', 'COMP_WORDS', 'COMP_CWORD',
])

// Names matching these prefixes come from the environment of every CI runner or locale.
const standardPrefixes = /^(?:LC_|GITHUB_|RUNNER_)/

// True when `name` needs no declaration (`$1`, `$?`, `$HOME`, `$LC_ALL` …).
export function isStandard(name: string): boolean {
  return /^(?:\d+|[?@*#$!_-])$/.test(name) || standardVariables.has(name) || standardPrefixes.test(name)
}

// Names the script sets: assignments, `export`/`local`/`declare`/`readonly`, `read`, `for`, `select`,
// `getopts`, `mapfile`, `printf -v`, `${NAME:=x}`.
export function definedVariables(script: string): Set<string> {
  const defined = new Set<string>()
  const code = keepSegments(script, lexShell(script), ['code', 'double'])
  const start = String.raw`(?:^|[\s;&|({\x60])`
  for (const m of code.matchAll(new RegExp(`${start}([A-Za-z_]\\w*)(?:\\[[^\\]]*\\])?\\+?=`, 'g'))) defined.add(m[1]!)
  for (const m of code.matchAll(new RegExp(`${start}(?:export|local|declare|typeset|readonly)((?:[ \\t]+-\\w+)*(?:[ \\t]+[A-Za-z_]\\w*(?:=\\S*)?)+)`, 'g'))) {
    for (const n of m[1]!.matchAll(/[ \t]([A-Za-z_]\w*)/g)) defined.add(n[1]!)
  }
  for (const m of code.matchAll(new RegExp(`${start}read((?:[ \\t]+-[a-zA-Z]*[adinNptu][ \\t]+(?:"[^"]*"|'[^']*'|\\S+)|[ \\t]+-[a-zA-Z]+)*)((?:[ \\t]+[A-Za-z_]\\w*)+)`, 'g'))) {
    const arrayFlag = /-\w*a\s+([A-Za-z_]\w*)/.exec(m[1]!)
    if (arrayFlag) defined.add(arrayFlag[1]!)
    for (const n of m[2]!.matchAll(/[A-Za-z_]\w*/g)) defined.add(n[0])
  }
  for (const m of code.matchAll(new RegExp(`${start}(?:for|select)[ \\t]+([A-Za-z_]\\w*)[ \\t]`, 'g'))) defined.add(m[1]!)
  for (const m of code.matchAll(new RegExp(`${start}getopts[ \\t]+\\S+[ \\t]+([A-Za-z_]\\w*)`, 'g'))) defined.add(m[1]!)
  for (const m of code.matchAll(new RegExp(`${start}(?:mapfile|readarray)(?:[ \\t]+-\\w+(?:[ \\t]+(?!-)\\S+)?)*[ \\t]+([A-Za-z_]\\w*)`, 'g'))) defined.add(m[1]!)
  for (const m of code.matchAll(/printf\s+-v\s+([A-Za-z_]\w*)/g)) defined.add(m[1]!)
  for (const m of code.matchAll(/\(\(\s*([A-Za-z_]\w*)\s*(?:=|\+\+|\+=)/g)) defined.add(m[1]!)
  for (const m of code.matchAll(/\$\{([A-Za-z_]\w*):?=/g)) defined.add(m[1]!)
  return defined
}

// Expansions of variables where the shell would expand them (not in single quotes, comments or
// heredocs with a quoted delimiter).
export function usedVariables(script: string): VariableUse[] {
  const text = keepSegments(script, lexShell(script), ['code', 'double', 'heredoc'])
  const uses: VariableUse[] = []
  for (const m of text.matchAll(/\$(?:\{(#?)([A-Za-z_]\w*|\d+|[?@*#$!-])(\[[^\]]*\])?([^}]*)\}|([A-Za-z_]\w*|\d|[?@*#$!-]))/g)) {
    if (m.index > 0 && text[m.index - 1] === '\\' && !isEscapedBackslash(text, m.index - 1)) continue
    const name = m[2] ?? m[5]!
    const rest = m[4] ?? ''
    uses.push({name, index: m.index, length: m[0].length, hasDefault: /^:?[-+?=]/.test(rest)})
  }
  return uses
}

// `\\$X`: the backslash before `$` is itself escaped, so `$X` still expands.
function isEscapedBackslash(text: string, at: number): boolean {
  let count = 0
  for (let i = at; i >= 0 && text[i] === '\\'; i--) count++
  return count % 2 === 0
}
