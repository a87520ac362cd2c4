// The script a remote shell reads on its stdin, and the reader that takes its markers back out of
// stdout. Everything a job needs (the host's saved state, inputs and secrets, the code) travels
// on stdin, so nothing of it shows in any process's argv on either side. The remote command line
// itself is always the same fixed bootstrap.
import {setOptionsText, shellQuote} from '../state.js'

// The fixed command the remote login shell runs: read one NUL-ended script from stdin, run it.
export const remoteBootstrap = `exec bash --noprofile --norc -c 'IFS= read -r -d "" __rb_s; eval "$__rb_s"'`

// Names a job never saves or restores: bash's own, the connection's, and the step's.
const unsaved =
  '__rb_*|BASH*|FUNCNAME|PIPESTATUS|GROUPS|PPID|UID|EUID|SHELLOPTS|RANDOM|SRANDOM|SECONDS|LINENO|HISTCMD|EPOCHSECONDS|EPOCHREALTIME|DIRSTACK|COMP_WORDBREAKS|PWD|OLDPWD|SHLVL|_|IFS|OPTIND|OPTERR|HOSTNAME|HOSTTYPE|MACHTYPE|OSTYPE|SSH_CLIENT|SSH_CONNECTION|SSH_TTY|RUNBOOK_STEP_ID|PS1|PS2|PS4'

// The job's script: report the process group (the job's own pid: the bootstrap's bash, or the
// host shell's child, each the leader of its group), restore the host's state, export the job's
// environment, enter the directory, set the document's shell options (`shellOptions`, fresh for
// every step), then the user's code; an EXIT trap sends the state back. The trap turns errexit,
// nounset and pipefail off first, so a failing step still saves the host's state and the trap
// itself never changes the step's status.
export function remoteScript(token: string, options: {state: string; env: Record<string, string>; cwd?: string; code: string; cwdFromState?: string; shellOptions?: string}): string {
  const exports = Object.entries(options.env)
    .filter(([name]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    .map(([name, value]) => `${name}=${shellQuote(value)}`)
  const dir = options.cwd ?? options.cwdFromState
  const save =
    `__rb_save() { local __rb_n; printf '\\0RBS%s:%s\\0%s\\0' ${token} "$1" "$PWD"; ` +
    `for __rb_n in $(compgen -v); do case $__rb_n in ${unsaved}) ;; *) declare -p "$__rb_n" 2>/dev/null ;; esac; done; ` +
    `declare -f; alias -p; printf '\\0RBE%s\\0' ${token}; }`
  return [
    `printf '\\0RBP%s:%s\\0' ${token} "$BASHPID"`,
    options.state.trim() === '' ? '' : `{ ${options.state}\n} 2>/dev/null`,
    save, // after the state: a saved copy of an earlier job's function must not win
    exports.length > 0 ? `export ${exports.join(' ')}` : '',
    dir !== undefined ? `cd -- ${shellQuote(dir)} || exit 127` : '',
    `trap '__rb_x=$?; set +eu +o pipefail; __rb_save "$__rb_x"; exit "$__rb_x"' EXIT`,
    'exec </dev/null',
    setOptionsText(options.shellOptions ?? ''),
    options.code,
  ].filter((line) => line !== '').join('\n') + '\n'
}

// Splits a job's raw stdout into the user's output, its process group, and the saved state.
export class MarkerReader {
  pgid: number | undefined
  status: number | undefined // the job's exit status, as its EXIT trap saw it
  cwd: string | undefined
  state: string | undefined
  private pending = ''
  private inState = false
  private stateText = ''
  private readonly pidMark: string
  private readonly stateMark: string

  private readonly endMark: string
  done = false // the state arrived whole: the job is over, whatever its children still hold open

  constructor(token: string, private readonly onPid: (pgid: number) => void, private readonly onDone: () => void) {
    this.pidMark = `\0RBP${token}:`
    this.stateMark = `\0RBS${token}:`
    this.endMark = `\0RBE${token}\0`
  }

  // Feed raw stdout; returns the user's text in it.
  write(chunk: string): string {
    if (this.inState) {
      this.stateText += chunk
      this.checkEnd()
      return ''
    }
    this.pending += chunk
    let out = ''
    if (this.pgid === undefined) {
      const at = this.pending.indexOf(this.pidMark)
      if (at === -1) return this.keep()
      const end = this.pending.indexOf('\0', at + this.pidMark.length)
      if (end === -1) return this.keep()
      out += this.pending.slice(0, at)
      this.pgid = Number(this.pending.slice(at + this.pidMark.length, end))
      this.pending = this.pending.slice(end + 1)
      this.onPid(this.pgid)
    }
    const at = this.pending.indexOf(this.stateMark)
    if (at !== -1) {
      out += this.pending.slice(0, at)
      this.stateText = this.pending.slice(at + this.stateMark.length)
      this.pending = ''
      this.inState = true
      this.checkEnd()
      return out
    }
    return out + this.keep()
  }

  // The end of stdout: return any text held back.
  end(): string {
    const rest = this.inState ? '' : this.pending
    this.pending = ''
    return rest
  }

  private checkEnd(): void {
    if (this.done) return
    const end = this.stateText.indexOf(this.endMark)
    if (end === -1) return
    const text = this.stateText.slice(0, end)
    const first = text.indexOf('\0')
    const second = text.indexOf('\0', first + 1)
    if (first === -1 || second === -1) return
    this.status = Number(text.slice(0, first))
    this.cwd = text.slice(first + 1, second)
    this.state = text.slice(second + 1)
    this.done = true
    this.onDone()
  }

  // Hold back a tail that could be the start of a marker split across chunks.
  private keep(): string {
    const cut = this.pending.lastIndexOf('\0')
    const limit = Math.max(this.pidMark.length, this.stateMark.length) + 24
    const at = cut === -1 || this.pending.length - cut > limit ? this.pending.length : cut
    const out = this.pending.slice(0, at)
    this.pending = this.pending.slice(at)
    return out
  }
}
