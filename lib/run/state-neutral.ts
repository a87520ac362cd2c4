// Steps that cannot change the terminal state: most runbook steps only run programs (`kubectl get`,
// `curl … | jq`, `echo hello`), and a program cannot change its shell's directory, variables,
// functions, aliases or options; only the shell's own words can. For such a step the EXIT trap
// sends no state records (bash-job.ts: ~250 lines of `declare -p`, `declare -f` and options) and
// the runner keeps the state it had (issue 17: "send state only when it changed").
//
// The test is deliberately coarse and errs towards capturing: any word that could change the state
// anywhere in the code (even quoted, even in a comment), any `=`, `((` or `()`, or a word naming a
// function or alias the terminal carries, and the state is captured as before.

// Builtins and keywords that set variables, the directory, functions, aliases or options, or run
// text as shell code (`eval`, `source`, `.`, `command`, `builtin`).
const changing = new Set([
  '.', 'alias', 'builtin', 'cd', 'command', 'coproc', 'declare', 'enable', 'eval', 'exec', 'export', 'for', 'function', 'getopts', 'let',
  'local', 'mapfile', 'popd', 'pushd', 'read', 'readarray', 'readonly', 'select', 'set', 'shift', 'shopt', 'source', 'trap',
  'typeset', 'unalias', 'unset',
])
// Builtins that set a variable with one option: `printf -v NAME`, `wait -p NAME`.
const withOption: Record<string, string> = {printf: '-v', wait: '-p'}

let lastRestore: string | undefined
let lastNames = new Set<string>()

// The names of the functions and aliases in a bash replay text (shell-state.ts: `alias -p` and
// `declare -f` output).
function carriedNames(restore: string): Set<string> {
  if (restore === lastRestore) return lastNames
  const names = new Set<string>()
  for (const found of restore.matchAll(/^(?:alias ([^=\s]+)=|(\S+) \(\) $)/gm)) names.add(found[1] ?? found[2]!)
  lastRestore = restore
  lastNames = names
  return names
}

// The words of `code`, split at blanks, operators, quotes, `$`, `!` and `=` (so `X=cd` gives `X` and
// `cd`): coarse on purpose, a word in a string or a comment counts too.
function shellWords(code: string): string[] {
  return code.split(/[\s;&|(){}<>`"'\\$!=]+/)
}

// True when running `code` in a terminal whose replay text is `restore` cannot change the state.
export function stateNeutral(code: string, restore: string): boolean {
  if (/=|\(\(|\(\s*\)/.test(code)) return false
  const names = carriedNames(restore)
  const words = shellWords(code)
  for (const word of words) {
    if (word === '') continue
    if (changing.has(word) || names.has(word)) return false
    const option = withOption[word]
    if (option !== undefined && words.includes(option)) return false
  }
  return true
}

// Builtins and keywords that define, remove or change functions or aliases, or run text as shell
// code (which could do either).
const defining = new Set([
  '.', 'alias', 'builtin', 'command', 'declare', 'enable', 'eval', 'exec', 'export', 'function', 'readonly', 'source', 'typeset',
  'unalias', 'unset',
])

// True when running `code` in a terminal whose replay text is `restore` cannot change its functions
// or aliases (most steps that set variables or change directory): the EXIT trap then sends `=` for
// both instead of `declare -f` and `alias -p`. As coarse as stateNeutral: any `()`, any of the words
// above, or a word naming a carried function or alias (whose body could define more), and both are
// captured.
export function definitionsNeutral(code: string, restore: string): boolean {
  // `BASH_ALIASES[name]=…` defines an alias without the word `alias`.
  if (/\(\s*\)|BASH_ALIASES/.test(code)) return false
  const names = carriedNames(restore)
  for (const word of shellWords(code)) {
    if (word !== '' && (defining.has(word) || names.has(word))) return false
  }
  return true
}

