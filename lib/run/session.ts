// A long-lived bash per run that forks each shell step into its own process group (`set -m`), fed
// on fd 3 (never stdin, so a step reading stdin cannot eat the next ones). Node then pays a pipe
// write per step instead of forking its own large process: the per-step overhead of issue 8.
// Each job's EXIT trap saves the state, marks the end of its output on both streams and reports
// its exit status on fd 4. Used one step at a time; anything else takes the spawn path.
import {randomBytes} from 'node:crypto'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {StringDecoder} from 'node:string_decoder'
import {execa} from 'execa'
import type {Readable, Writable} from 'node:stream'
import {shellQuote} from './state.js'

// Requests are `id NUL`: short, because bash reads a pipe one byte at a time; the script itself
// is in the session's one job file (rewritten before each job), which bash reads in blocks.
const server = (jobFile: string) => [
  `__rb_path=${shellQuote(jobFile)}`,
  'exec 5>&1 6>&2 >/dev/null 2>&1',
  'set -m',
  'while IFS= read -r -d "" __rb_id <&3; do',
  '  ( exec 3<&- 7>&4 4>&- 1>&5 2>&6 </dev/null; IFS= read -r -d "" __rb_script <"$__rb_path"; unset __rb_path __rb_id; eval "$__rb_script" ) &',
  '  printf "P %s %s\\0" "$__rb_id" "$!" >&4',
  'done',
].join('\n')

// What the session tells about one job.
export interface JobListener {
  started(pid: number): void
  stdout(text: string): void
  stderr(text: string): void
  exited(status: number): void // reported by the EXIT trap
  state(text: string): void // `pwd` NUL `export -p`, sent by the EXIT trap just before its exit status
  ended(stream: 'stdout' | 'stderr'): void // the sentinel after the job's last output
}

// One bash session for a run.
export class ShellSession {
  readonly token = randomBytes(6).toString('hex')
  readonly baseNames: string[]
  private child: ReturnType<typeof startServer>
  private current: {id: string; listener: JobListener} | undefined
  private counter = 0
  private readonly dir = mkdtempSync(join(tmpdir(), 'runbook-session-'))
  private readonly jobFile = join(this.dir, 'job.sh')
  dead = false

  constructor(env: Record<string, string>) {
    this.baseNames = [...Object.keys(env), 'PWD', 'OLDPWD', 'SHLVL', '_']
    this.child = startServer(env, this.jobFile)
    this.child.catch(() => {})
    this.child.on('exit', () => (this.dead = true))
    this.child.on('error', () => (this.dead = true))
    this.read(this.child.stdout as Readable, 'stdout')
    this.read(this.child.stderr as Readable, 'stderr')
    this.readReplies(this.child.stdio[4] as Readable)
    ;(this.child.stdio[3] as unknown as Writable).on('error', () => (this.dead = true))
  }

  // The marker a job's EXIT trap prints on each stream.
  sentinel(id: string): string {
    return `\0RBEND:${this.token}:${id}\0`
  }

  // Start a job; its events go to `listener` until both sentinels and the exit report arrive.
  run(script: (id: string) => string, listener: JobListener): string {
    const id = String(++this.counter)
    this.current = {id, listener}
    writeFileSync(this.jobFile, script(id))
    ;(this.child.stdio[3] as unknown as Writable).write(`${id}\0`)
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
    try {
      if (this.child.pid) process.kill(-this.child.pid, 'SIGKILL')
    } catch {
      // already gone
    }
    rmSync(this.dir, {recursive: true, force: true})
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

  // Replies on fd 4 are NUL-ended: `P id pid`, `X id status`, and `S id pwd` followed by one
  // more record holding the job's `export -p` text (bash values never contain NUL).
  private readReplies(stream: Readable): void {
    let buffer = ''
    let stateOf: {id: string; cwd: string} | undefined
    stream.setEncoding('utf8')
    stream.on('data', (text: string) => {
      buffer += text
      let start = 0
      for (let at = buffer.indexOf('\0'); at !== -1; at = buffer.indexOf('\0', start)) {
        const record = buffer.slice(start, at)
        start = at + 1
        const job = this.current
        // A job killed inside its trap may never send the export text: then this is a reply.
        if (stateOf && (record === '' || record.startsWith('declare '))) {
          if (job && job.id === stateOf.id) job.listener.state(`${stateOf.cwd}\0${record}`)
          stateOf = undefined
          continue
        }
        stateOf = undefined
        const first = record.indexOf(' ')
        const second = record.indexOf(' ', first + 1)
        const kind = record.slice(0, first)
        const id = record.slice(first + 1, second)
        const value = record.slice(second + 1)
        if (kind === 'S') stateOf = {id, cwd: value}
        if (!job || job.id !== id) continue
        if (kind === 'P') job.listener.started(Number(value))
        if (kind === 'X') job.listener.exited(Number(value))
      }
      buffer = buffer.slice(start)
    })
    stream.on('error', () => {})
  }
}

function startServer(env: Record<string, string>, jobFile: string) {
  return execa('bash', ['--noprofile', '--norc', '-c', server(jobFile)], {
    env,
    extendEnv: false,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'],
    buffer: false,
    reject: false,
    cleanup: true,
    encoding: 'buffer',
    detached: true,
  })
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
