// One remote shell per host for the whole run (SPEC §13): a session over the host's master
// connection whose bash reads jobs from its stdin and runs each one in a forked child with its own
// process group. A step then costs a fork on the host, not an ssh client, an sshd session and a
// login shell (which sources the user's ~/.bashrc: ~100 ms on the machine measured, see
// docs/benchmarks.md). The job itself (state, markers, EXIT trap) is the one remote-script.ts writes.
import {spawn, type ChildProcess} from 'node:child_process'
import {remoteBootstrap} from './remote-script.js'

// The loop the host's bash runs: read a token and a script (each NUL-ended), run the script in a
// child of its own process group (`set -m`; the child turns it off so its own children stay in its
// group, which a timeout kills), wait, and mark the end on both streams with the child's status
// (framed by SOH bytes, so the job's NUL-ended markers pass through at once), so
// output that the child wrote before it ended is all read before the job is called done. The
// child's stdin is /dev/null: the shell's stdin carries the next jobs. `wait` is silenced: bash
// would report a job killed by a signal on its own stderr.
export const shellLoop = [
  'set -m',
  'while IFS= read -r -d "" __rb_t && IFS= read -r -d "" __rb_s; do',
  '  ( set +m; unset __rb_t; eval "$__rb_s" ) </dev/null &',
  '  { wait "$!"; } 2>/dev/null',
  '  __rb_c=$?',
  `  printf '\\1RBD%s:%s\\1' "$__rb_t" "$__rb_c"`,
  `  printf '\\1RBD%s:%s\\1' "$__rb_t" "$__rb_c" >&2`,
  'done',
].join('\n')

// How a job on the shell ended: its status, or the shell's end when it died first.
export interface ShellJobEnd {
  exitCode: number | null
  broken?: string // the shell ended before the job did: why, as far as the client knows
}

interface Running {
  token: string
  onChunk: (stream: 'stdout' | 'stderr', chunk: string) => void
  done: {stdout: boolean; stderr: boolean}
  status?: number
  resolve: (end: ShellJobEnd) => void
}

// The remote shell of one host; `busy` while a job runs, `dead` once the session has ended.
export class HostShell {
  private readonly child: ChildProcess
  private running: Running | undefined
  private readonly pending = {stdout: '', stderr: ''}
  private exit: {code: number | null; signal: NodeJS.Signals | null} | undefined
  private worked = false // a job ran on it: its end is then a broken shell, not an unreachable host
  private readonly ended: Promise<void>

  constructor(sshArgs: string[], env: Record<string, string>) {
    this.child = spawn('ssh', [...sshArgs, remoteBootstrap], {env, stdio: ['pipe', 'pipe', 'pipe']})
    this.child.stdin!.on('error', () => {}) // a shell that died: its job learns it from 'close'
    this.child.stdin!.write(`${shellLoop}\n\0`)
    for (const name of ['stdout', 'stderr'] as const) {
      this.child[name]!.setEncoding('utf8')
      this.child[name]!.on('data', (text: string) => this.read(name, text))
    }
    this.ended = new Promise<void>((resolve) => {
      this.child.once('error', () => resolve())
      // 'close' normally (what the shell wrote has been read by then). A client stopped by a signal
      // has handed its pipes to the master, which may keep them open: then 'exit' and a short drain.
      this.child.once('close', () => resolve())
      this.child.once('exit', (code, signal) => {
        this.exit = {code, signal}
        setTimeout(() => setImmediate(() => {
          this.child.stdout!.destroy()
          this.child.stderr!.destroy()
          resolve()
        }), 50).unref()
      })
    }).then(() => this.lost())
  }

  get busy(): boolean {
    return this.running !== undefined
  }

  get dead(): boolean {
    return this.exit !== undefined || this.child.exitCode !== null || this.child.signalCode !== null
  }

  // Send one job (its script holds its secrets: stdin, never argv); settles when it has ended.
  run(token: string, script: string, onChunk: Running['onChunk']): Promise<ShellJobEnd> {
    return new Promise((resolve) => {
      this.running = {token, onChunk, done: {stdout: false, stderr: false}, resolve}
      this.pending.stdout = this.pending.stderr = ''
      if (this.dead) return this.lost()
      this.child.stdin!.write(`${token}\0${script}\0`)
    })
  }

  // Stop the local client: the job running (if any) ends as broken, the next job opens a new shell.
  // The remote shell sees the end of its stdin and exits once its job has.
  abort(): void {
    this.child.stdin!.destroy()
    if (!this.dead) this.child.kill('SIGTERM')
  }

  // End the shell: EOF on its stdin, a short wait, then the client is stopped.
  async close(): Promise<void> {
    if (this.dead) return
    this.child.stdin!.end()
    const timer = setTimeout(() => this.child.kill('SIGTERM'), 500)
    const hard = setTimeout(() => this.child.kill('SIGKILL'), 3000)
    await this.ended
    clearTimeout(timer)
    clearTimeout(hard)
  }

  // Route output to the running job up to its end mark; text between jobs (a child an earlier job
  // left running) is dropped.
  private read(name: 'stdout' | 'stderr', text: string): void {
    const job = this.running
    if (!job || job.done[name]) return
    const buffer = this.pending[name] + text
    const mark = `\x01RBD${job.token}:`
    const at = buffer.indexOf(mark)
    const end = at === -1 ? -1 : buffer.indexOf('\x01', at + mark.length)
    if (end !== -1) {
      this.pending[name] = ''
      if (at > 0) job.onChunk(name, buffer.slice(0, at))
      job.done[name] = true
      this.worked = true
      job.status = Number(buffer.slice(at + mark.length, end))
      if (job.done.stdout && job.done.stderr) this.finish({exitCode: job.status})
      return
    }
    // Hold back a tail that could be the start of the mark (SOH-framed: the job's own markers end
    // with a NUL, which must reach the job's reader at once).
    const cut = at !== -1 ? at : buffer.lastIndexOf('\x01')
    const keep = cut !== -1 && (at !== -1 || mark.startsWith(buffer.slice(cut))) ? cut : buffer.length
    this.pending[name] = buffer.slice(keep)
    if (keep > 0) job.onChunk(name, buffer.slice(0, keep))
  }

  private lost(): void {
    const job = this.running
    if (!job) return
    for (const name of ['stdout', 'stderr'] as const) {
      if (this.pending[name] !== '') job.onChunk(name, this.pending[name])
      this.pending[name] = ''
    }
    // A shell that never ran a job did not open (ssh's message is on its stderr): the host is unreachable.
    if (!this.worked) return this.finish({exitCode: this.exit?.code ?? null})
    const how = this.exit?.signal ?? `exit code ${this.exit?.code}`
    this.finish({exitCode: this.exit?.code ?? null, broken: `the host's shell ended during the step (ssh: ${how}); its next step opens a new one`})
  }

  private finish(end: ShellJobEnd): void {
    const job = this.running
    this.running = undefined
    job?.resolve(end)
  }
}
