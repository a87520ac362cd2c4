// The carried terminal state a run's bash session server holds (HeldState, shell-state.ts): plain
// variables and arrays, functions and aliases. A job is forked from the server and inherits them,
// so a job replays only its options and its variables with other attributes, and the server applies
// what changed since the last job: a step that changes nothing costs nothing, one that sets a
// variable costs that one assignment. Replaying six functions in every job cost bash ~0.1 ms a
// step, about a third of the one-terminal budget (issue 17).
//
// The server sources the changes (session.ts) in two parts around the exported environment's
// (session-env.ts): `clear` first (a plain variable that became exported is unset before the export
// sets it), `define` last (an exported variable that became plain is set after the export's unset).
// Every command is `builtin …`, so a user's function named `unset` or `alias` is not called.
import {shellQuote} from '../shell/values.js'
import type {HeldState} from './shell-state.js'

// What the server runs to hold a new state.
export interface HeldDelta {
  clear: string
  define: string
}

const noVars: ReadonlyMap<string, string> = new Map()
const functionLine = /^(\S+) \(\) $/gm
// The start of each definition `alias -p` prints (`alias name='value'`).
const aliasLine = /^alias (?=[^=\s]+=)/gm

// What the server holds now, as far as the runner knows.
export class ServerState {
  private readonly vars = new Map<string, string>()
  private functions = ''
  private aliases = ''

  // The commands that make the server hold `held` (undefined: nothing); '' parts when nothing
  // changed. From then on the server is taken to hold it.
  delta(held: HeldState | undefined): HeldDelta {
    const vars = held?.vars ?? noVars
    const gone: string[] = []
    for (const name of this.vars.keys()) {
      if (vars.has(name)) continue
      gone.push(name)
      this.vars.delete(name)
    }
    const define: string[] = []
    vars.forEach((line, name) => {
      const had = this.vars.get(name)
      if (had === line) return
      // Unset first: assigning a scalar to an array would set its element 0 only.
      define.push(had === undefined ? line : `builtin unset -v ${name}; ${line}`)
      this.vars.set(name, line)
    })
    const functions = held?.functions ?? ''
    if (functions !== this.functions) {
      const names = [...this.functions.matchAll(functionLine)].map((found) => shellQuote(found[1]!))
      if (names.length > 0) define.push(`builtin unset -f ${names.join(' ')}`)
      // A body may use extended patterns, which bash parses only with `extglob` on.
      if (functions !== '') define.push('builtin shopt -q extglob || { builtin shopt -s extglob; __rb_eg=1; }', functions, '[[ -z ${__rb_eg-} ]] || { builtin shopt -u extglob; builtin unset -v __rb_eg; }')
      this.functions = functions
    }
    const aliases = held?.aliases ?? ''
    if (aliases !== this.aliases) {
      define.push('builtin unalias -a')
      if (aliases !== '') define.push(aliases.replace(aliasLine, 'builtin alias '))
      this.aliases = aliases
    }
    return {clear: gone.length > 0 ? `builtin unset -v ${gone.join(' ')}` : '', define: define.join('\n')}
  }
}
