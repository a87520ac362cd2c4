// One multiplexed OpenSSH connection per host for the whole run (SPEC §13): a ControlMaster whose
// socket lives in a private temporary folder, closed and removed at the end however the run ends.
import {spawn, type ChildProcess} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync, watch, type FSWatcher} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

// One host as the system ssh client is told to reach it.
export interface SshHost {
  label: string // the name results carry: `web1` in `restart@web1`
  destination: string // user@host
  port?: string
}

// Whether a host's master connection came up, with ssh's own message when it did not.
export type Connection = {ok: true; socket: string} | {ok: false; message: string}

// The run's master connections, one per host, opened on first use.
export class SshMasters {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'runbook-ssh-'))
  private readonly masters = new Map<string, {child: ChildProcess; ready: Promise<Connection>}>()
  private count = 0
  private closed = false
  // Sockets appear in `dir`: one inotify watch wakes the waiting hosts (20 hosts polling every few
  // ms took CPU from the handshakes they wait for, on a 2-core machine), a slow poll backs it up.
  private watcher: FSWatcher | undefined
  private readonly waiting = new Set<() => void>()

  constructor(private readonly baseArgs: (host: SshHost) => string[], private readonly env: Record<string, string>) {}

  // The arguments that reach `host` through its master (the socket given by `-S`).
  viaMaster(host: SshHost, socket: string): string[] {
    return [...this.baseArgs(host), '-T', '-o', 'ControlMaster=no', '-S', socket, host.destination]
  }

  // Open (once) the master connection of `host`; resolves when it is usable or has failed.
  connect(host: SshHost): Promise<Connection> {
    const known = this.masters.get(host.label)
    if (known) return known.ready
    if (this.closed) return Promise.resolve({ok: false, message: 'the run is over'})
    const socket = path.join(this.dir, `m${++this.count}`)
    const child = spawn('ssh', [...this.baseArgs(host), '-M', '-N', '-T', '-o', 'ControlPersist=no', '-S', socket, host.destination], {
      env: this.env,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr!.setEncoding('utf8')
    child.stderr!.on('data', (text: string) => (stderr = (stderr + text).slice(-4000)))
    const ready = new Promise<Connection>((resolve) => {
      let done = false
      const finish = (connection: Connection) => {
        if (done) return
        done = true
        clearInterval(poll)
        this.waiting.delete(check)
        if (this.waiting.size === 0) this.stopWatching()
        resolve(connection)
      }
      const check = () => {
        if (existsSync(socket)) finish({ok: true, socket})
      }
      this.waiting.add(check)
      const poll = setInterval(check, 100)
      child.once('error', (error) => finish({ok: false, message: `could not start ssh: ${error.message}`}))
      // 'close', not 'exit': ssh's message on stderr has been read by then.
      child.once('close', (code, signal) => {
        const message = stderr.trim().split('\n').filter((line) => line.trim() !== '').slice(-3).join('\n')
        finish({ok: false, message: message || `ssh exited with ${code ?? signal} before connecting`})
      })
    })
    this.watch()
    this.masters.set(host.label, {child, ready})
    return ready
  }

  private watch(): void {
    if (this.watcher || this.waiting.size === 0) return
    try {
      this.watcher = watch(this.dir, () => {
        for (const check of [...this.waiting]) check()
      })
      this.watcher.on('error', () => this.stopWatching())
    } catch {
      // no inotify: the poll alone
    }
  }

  private stopWatching(): void {
    this.watcher?.close()
    this.watcher = undefined
  }

  // Close every master and remove the private folder.
  async close(): Promise<void> {
    this.closed = true
    this.stopWatching()
    const masters = [...this.masters.values()]
    this.masters.clear()
    await Promise.all(
      masters.map(({child}) => new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        const timer = setTimeout(() => child.kill('SIGKILL'), 2000)
        child.once('exit', () => {
          clearTimeout(timer)
          resolve()
        })
        child.kill('SIGTERM')
      })),
    )
    rmSync(this.dir, {recursive: true, force: true})
  }
}
