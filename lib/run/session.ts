// A long-lived bash per run that forks each shell step into its own process group (`set -m`), fed
// on fd 3 (never stdin, so a step reading stdin cannot eat the next ones). Node then pays a pipe
// write per step instead of forking its own large process: the per-step overhead of issue 8.
// Each job runs bash-job.ts's text: its EXIT trap sends the state, marks the end of its output on
// both streams and reports its exit status on the reply pipe. Used one step at a time; anything
// else takes the spawn path.
//
// The job text goes through one file that is unlinked before anything is written to it: Node and
// the server each hold a descriptor, Node rewrites it before each job and the job reopens it as
// `/dev/fd/63` (bash reads a file in blocks, a pipe one byte at a time). Exported secrets never sit
// in a named file, and the kernel drops the text when the run ends, however it ends (issue 12 #2).
// The server keeps its channels on high descriptors (60-65), so a step's own `exec 3>…` is safe.
// A second such file (fd 64) takes the state records a job's EXIT trap writes, so that the ~250
// lines bash writes one `write` at a time cost page-cache writes, not ~250 wake-ups of Node: Node
// reads the file once, when the job's exit report (`X`) arrives on the reply pipe. A third (fd 65)
// holds the changes to the server's exports and carried state that the next job needs
// (session-env.ts, session-state.ts); a request `id+` tells the server to source it before forking.
import {randomHex} from '../random-hex.js'
import {closeSync, readFileSync} from 'node:fs'
import {StringDecoder} from 'node:string_decoder'
import {spawn} from 'node:child_process'
import type {Readable, Writable} from 'node:stream'
import {bashJobLibrary, bashRunLine, jobChannels} from './bash-job.js'
import {openJobFile, readJobFile, writeJobFile} from './job-file.js'
import {ServerEnv} from './session-env.js'
import {ServerState} from './session-state.js'
import type {HeldState, StateParts} from './shell-state.js'
import {addStatePart, readStateFile, RecordReader} from './state-records.js'

// The descriptors of a job: stdout and stderr of the session, the reply pipe, the job text, the state file.
export const sessionFds = {stdout: 60, stderr: 61, replies: jobChannels.replies, job: 63, state: jobChannels.state, env: 65}
const fd = sessionFds

// Requests are `id NUL` or `id+ NUL`: short, because bash reads a pipe one byte at a time. `TMOUT=`
// keeps a step's exported TMOUT from timing out the server's `read`. The server defines the job
// library (bash-job.ts) once: every job it forks inherits the functions already parsed. It also
// holds the user's functions, aliases and plain variables (session-state.ts), so its own commands
// are all `builtin …` (a function named `read` or `printf` is never called), and it never takes a
// step's shell options (they are replayed in each job).
const server = [
  `exec ${fd.stdout}>&1 ${fd.stderr}>&2 ${fd.replies}>&4 ${fd.job}<&5 ${fd.state}<&6 ${fd.env}<&7 4>&- 5>&- 6>&- 7>&- >/dev/null 2>&1`,
  bashJobLibrary({stdout: fd.stdout, stderr: fd.stderr}),
  'set -m',
  'while TMOUT= IFS= builtin read -r -d "" __rb_id <&3; do',
  `  case $__rb_id in *+) __rb_id=\${__rb_id%+}; builtin . /dev/fd/${fd.env} ;; esac`,
  `  ( exec 3<&- 1>&${fd.stdout} 2>&${fd.stderr} </dev/null; builtin unset -v __rb_id; ${bashRunLine(fd.job)} ) &`,
  `  builtin printf "P %s %s\\0" "$__rb_id" "$!" >&${fd.replies}`,
  'done',
].join('\n')

// What the session tells about one job.
export interface JobListener {
  started(pid: number): void
  stdout(text: string): void
  stderr(text: string): void
  exited(status: number): void // reported by the EXIT trap
  state(parts: StateParts): void // the state records, given just before `exited`
  ended(stream: 'stdout' | 'stderr'): void // the sentinel after the job's last output
}

// Sessions not closed yet: their servers are killed if the runner exits first (one `exit` hook).
const liveSessions = new Set<ShellSession>()
let exitHook: NodeJS.Process | undefined

// One bash session for a run.
export class ShellSession {
  readonly token = randomHex(6)
  private child: ReturnType<typeof startServer>
  private current: {id: string; listener: JobListener; keepState: boolean} | undefined
  private counter = 0
  private readonly jobFd: number
  private readonly stateFd: number
  private readonly envFd: number
  private readonly serverEnv: ServerEnv
  private readonly serverState = new ServerState()
  dead = false

  constructor(env: Record<string, string>) {
    this.serverEnv = new ServerEnv(env)
    this.jobFd = openJobFile()
    this.stateFd = openJobFile()
    this.envFd = openJobFile()
    this.child = startServer(env, [this.jobFd, this.stateFd, this.envFd])
    liveSessions.add(this)
    if (!exitHook) exitHook = process.once('exit', () => liveSessions.forEach((session) => session.kill()))
    this.child.on('exit', () => (this.dead = true))
    this.child.on('error', () => (this.dead = true))
    this.read(this.child.stdout as Readable, 'stdout')
    this.read(this.child.stderr as Readable, 'stderr')
    this.readReplies(this.child.stdio[4] as Readable)
    ;(this.child.stdio[3] as unknown as Writable).on('error', () => (this.dead = true))
  }

  // The marker a job's EXIT trap prints on each stream: `\0RBEND:<mark>\0`.
  mark(id: string): string {
    return `${this.token}:${id}`
  }

  private sentinel(id: string): string {
    return `\0RBEND:${this.mark(id)}\0`
  }

  // Start a job with the exported environment `env`; its events go to `listener` until both
  // sentinels and the exit report arrive.
  // A job started with `keepState` sends no state records: none are read. `statuses` (step id →
  // status) become `$RUNBOOK_STATUS_<ID>`, unless `env` names the variable itself. The server holds
  // `held` (none when absent) before it forks the job.
  run(script: (id: string) => string, env: Record<string, string>, listener: JobListener, options: {keepState?: boolean; statuses?: ReadonlyMap<string, string>; overrides?: Record<string, string>; held?: HeldState} = {}): string {
    const {keepState = false} = options
    const id = String(++this.counter)
    this.current = {id, listener, keepState}
    writeJobFile(this.jobFd, script(id))
    const held = this.serverState.delta(options.held)
    const exports = this.serverEnv.delta(env, options.statuses, options.overrides)
    const delta = held.clear === '' && held.define === '' ? exports : [held.clear, exports, held.define].filter((text) => text !== '').join('\n')
    if (delta !== '') writeJobFile(this.envFd, delta)
    ;(this.child.stdio[3] as unknown as Writable).write(`${id}${delta === '' ? '' : '+'}\0`)
    return id
  }

  // Stop routing output to the finished job.
  release(): void {
    this.current = undefined
  }

  // End the session (its jobs are stopped by the executor first).
  close(): void {
    this.dead = true
    ;(this.child.stdio[3] as unknown as Writable).end()
    liveSessions.delete(this)
    this.kill()
    for (const fd of [this.jobFd, this.stateFd, this.envFd]) {
      try {
        closeSync(fd)
      } catch {
        // closed before
      }
    }
  }

  // Stop the server's process group (also when the runner exits without closing the session).
  private kill(): void {
    try {
      if (this.child.pid) process.kill(-this.child.pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }

  private read(stream: Readable, name: 'stdout' | 'stderr'): void {
    const decoder = new StringDecoder('utf8')
    let pending = ''
    stream.on('data', (chunk: Buffer) => {
      pending += decoder.write(chunk)
      const job = this.current
      if (!job) {
        pending = pending.slice(-64) // late output of a finished job: drained, dropped
        return
      }
      const mark = this.sentinel(job.id)
      const at = pending.indexOf(mark)
      if (at !== -1) {
        job.listener[name](pending.slice(0, at))
        pending = pending.slice(at + mark.length)
        pending = '' // anything after the marker is a grandchild's late output: dropped
        job.listener.ended(name)
        return
      }
      // Keep a tail that could be the start of a sentinel split across chunks.
      const keep = pending.lastIndexOf('\0')
      const cut = keep === -1 || pending.length - keep > mark.length ? pending.length : keep
      job.listener[name](pending.slice(0, cut))
      pending = pending.slice(cut)
    })
    stream.on('error', () => {})
  }

  // Replies are NUL-ended records (state-records.ts): P from the server, the rest from the job's trap.
  private readReplies(stream: Readable): void {
    let parts: StateParts = {}
    let partsOf = ''
    const reader = new RecordReader((record) => {
      const job = this.current
      if (record.kind !== 'P' && record.id !== partsOf) {
        parts = {}
        partsOf = record.id
      }
      if (addStatePart(parts, record)) return
      if (!job || job.id !== record.id) return
      if (record.kind === 'P') job.listener.started(Number(record.body))
      if (record.kind === 'X') {
        if (!job.keepState) readStateFile(readJobFile(this.stateFd), record.id, parts)
        job.listener.state(parts)
        parts = {}
        job.listener.exited(Number(record.body))
      }
    })
    stream.setEncoding('utf8')
    stream.on('data', (text: string) => reader.write(text))
    stream.on('error', () => {})
  }
}

// node:child_process, not execa: the session starts on the way to a run's first step, where
// execa's first call in a fresh process cost ~10 ms more than the fork (docs/architecture.md).
function startServer(env: Record<string, string>, files: number[]) {
  return spawn('bash', ['--noprofile', '--norc', '-c', server], {env, stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe', ...files], detached: true})
}

// True while the process `pid` exists and is not a zombie.
export function processAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
  } catch {
    return false
  }
}
