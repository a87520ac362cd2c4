// The `ssh` transport: the system OpenSSH client (so ~/.ssh/config, agents and ProxyJump work),
// one master connection per host, a per-host state carried between that host's steps, the script
// and its secrets on the remote shell's stdin, and a timeout or interrupt that stops the remote
// process group.
import {spawn} from 'node:child_process'
import {interpolate} from '../../interpolate.js'
import type {TargetSpec} from '../../model.js'
import {countOf} from './batches.js'
import {HostShell} from './host-shell.js'
import {processLaunch, startRemoteJob, type Launch} from './remote-job.js'
import {remoteBootstrap} from './remote-script.js'
import {SshMasters, type SshHost} from './ssh-master.js'
import {failedHandle} from './failed-handle.js'
import type {HostJob, HostJobHandle, Target} from './types.js'

// Split `user@host:port` into what ssh is given, with `${VAR}` resolved.
export function sshHosts(spec: TargetSpec, env: Record<string, string>): SshHost[] {
  const parsed = spec.hosts.map((written) => {
    const text = interpolate(written, env)
    const match = /^(?:([^@]+)@)?(.+?)(?::(\d+))?$/.exec(text)!
    const host: SshHost = {label: match[2]!, destination: match[1] ? `${match[1]}@${match[2]}` : match[2]!}
    if (match[3]) host.port = match[3]
    return host
  })
  // Two entries of one address (different ports or users) keep apart by their port or user.
  for (const host of parsed) {
    if (parsed.filter((other) => other.label === host.label).length > 1) host.label = host.port ? `${host.label}:${host.port}` : host.destination
  }
  return parsed
}

// A group of hosts reached over ssh.
export class SshTarget implements Target {
  readonly kind = 'ssh'
  readonly hosts: string[]
  readonly serial: number
  readonly maxFail: number
  private readonly byLabel: Map<string, SshHost>
  private readonly masters: SshMasters
  private readonly states = new Map<string, {text: string; cwd?: string}>()
  private readonly shells = new Map<string, HostShell>()

  constructor(readonly name: string, spec: TargetSpec, private readonly env: Record<string, string>, private readonly tags: Record<string, string>) {
    const hosts = sshHosts(spec, env)
    this.hosts = hosts.map((host) => host.label)
    this.byLabel = new Map(hosts.map((host) => [host.label, host]))
    this.serial = Math.max(1, countOf(spec.serial, hosts.length, hosts.length))
    this.maxFail = Math.max(0, countOf(spec.maxFail, hosts.length, 0, 0))
    const identity = spec.identity === undefined ? undefined : interpolate(spec.identity, env)
    const options = Object.entries(spec.options).map(([key, value]) => `${key}=${interpolate(value, env)}`)
    const config = env['RUNBOOK_SSH_CONFIG']
    const has = (key: string) => Object.keys(spec.options).some((k) => k.toLowerCase() === key.toLowerCase())
    const base = [
      ...(config ? ['-F', config] : []),
      // Never wait for a password or a host-key question: no terminal is there to answer.
      ...(has('BatchMode') ? [] : ['-o', 'BatchMode=yes']),
      ...(has('ConnectTimeout') ? [] : ['-o', 'ConnectTimeout=10']),
      ...(identity ? ['-i', identity] : []),
      ...options.flatMap((option) => ['-o', option]),
    ]
    this.masters = new SshMasters((host) => [...base, ...(host.port ? ['-p', host.port] : [])], {...env, ...tags})
  }

  async environment(): Promise<Record<string, string>> {
    return {}
  }

  async start(label: string, job: HostJob): Promise<HostJobHandle> {
    const host = this.byLabel.get(label)!
    const connection = await this.masters.connect(host)
    if (job.signal?.aborted) return failedHandle('interrupted before it started', {interrupted: true})
    if (!connection.ok) return failedHandle(connection.message)
    const args = this.masters.viaMaster(host, connection.socket)
    const tags = {...this.tags, RUNBOOK_STEP_ID: job.stepId, RUNBOOK_HOST: label}
    const shell = job.timeoutMs === undefined ? undefined : this.shellOf(label, args)
    // A background job keeps its own session for the whole run, and a job that finds the host's
    // shell busy (steps run concurrently) gets one too; every other job runs on the host's shell.
    const launch: Launch = shell
      ? (script, token, onChunk, signal) => {
          signal.addEventListener('abort', () => shell.abort(), {once: true})
          return shell.run(token, script, onChunk)
        }
      : processLaunch('ssh', [...args, remoteBootstrap], {env: {...this.env, ...tags}, cwd: process.cwd(), tags})
    return startRemoteJob(
      {
        launch,
        state: this.states.get(label) ?? {text: ''},
        killRemote: (pgid) => this.killRemote(args, pgid),
        onState: (state) => this.states.set(label, state),
        // The host's shell marks the job's end right after its state; a dead shell is aborted.
        ...(shell ? {settleMs: 5000} : {}),
      },
      job,
    )
  }

  // The open shell of a host, opened (again, after a job broke it) when needed; undefined when busy.
  private shellOf(label: string, args: string[]): HostShell | undefined {
    const known = this.shells.get(label)
    if (known && !known.dead) return known.busy ? undefined : known
    const shell = new HostShell(args, {...this.env, ...this.tags, RUNBOOK_HOST: label})
    this.shells.set(label, shell)
    return shell
  }

  async close(): Promise<void> {
    const shells = [...this.shells.values()]
    this.shells.clear()
    await Promise.all(shells.map((shell) => shell.close()))
    await this.masters.close()
  }

  // SIGTERM to the job's process group on the host, a grace period, then SIGKILL.
  private killRemote(args: string[], pgid: number): Promise<void> {
    const group = `-${Math.trunc(pgid)}`
    const script = `kill -TERM -- ${group} 2>/dev/null; i=0; while kill -0 -- ${group} 2>/dev/null && [ $i -lt 20 ]; do sleep 0.1; i=$((i+1)); done; kill -KILL -- ${group} 2>/dev/null; true`
    return new Promise((resolve) => {
      const child = spawnQuiet('ssh', [...args, script], {...this.env, ...this.tags})
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        resolve()
      }, 5000)
      child.once('exit', () => {
        clearTimeout(timer)
        resolve()
      })
      child.once('error', () => resolve())
    })
  }
}

function spawnQuiet(file: string, args: string[], env: Record<string, string>) {
  return spawn(file, args, {env, stdio: 'ignore'})
}
