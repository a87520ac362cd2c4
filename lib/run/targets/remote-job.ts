// One job on one host through a command that reads a script on stdin (ssh, an exec wrapper):
// the script and its secrets go on stdin, the output is split from the job's markers, a timeout
// or an interrupt stops the job's process group on the host, then the local client.
import {randomHex} from '../../random-hex.js'
import {captureLimits, OutputCapture} from '../capture.js'
import {startProcess} from '../spawn.js'
import {MarkerReader, remoteScript} from './remote-script.js'
import type {HostJob, HostJobHandle, HostOutcome} from './types.js'

// How to reach the host and what it remembers.
export interface RemoteCommand {
  launch: Launch // how the script reaches the host: a process per job, or the host's open shell
  state: {text: string; cwd?: string} // what the host's previous step left
  killRemote?: (pgid: number) => Promise<void> // TERM, grace, KILL of a process group on the host
  onState?: (state: {text: string; cwd: string}) => void // the state this job leaves
  settleMs?: number // how long after the state came back the transport may still hold on (default 100)
}

// How a transport ended a job: the job's status (or the client's), and why it could not run.
export interface Landed {
  exitCode: number | null
  signal?: string
  error?: string // the job could not start (ssh's own message or the spawn's error)
  broken?: string // the transport ended while the job ran (the host's shell died)
}

// Send `script` (with its `token`) to the host; output goes to `onChunk`; aborting `signal` stops the local side.
export type Launch = (script: string, token: string, onChunk: (stream: 'stdout' | 'stderr', chunk: string) => void, signal: AbortSignal) => Promise<Landed>

// A process per job that reads the script on its stdin (`ssh … bootstrap`, an exec wrapper).
export function processLaunch(file: string, args: string[], options: {cwd: string; env: Record<string, string>; tags: Record<string, string>}): Launch {
  return (script, _token, onChunk, signal) =>
    startProcess({file, args, cwd: options.cwd, env: options.env, tags: options.tags, signal, input: `${script}\0`, onChunk}).outcome.then((spawned) => {
      const landed: Landed = {exitCode: spawned.exitCode}
      if (spawned.signal) landed.signal = spawned.signal
      if (spawned.error) landed.error = spawned.error
      return landed
    })
}

// Start the job; its handle settles when the job has ended on the host.
export function startRemoteJob(command: RemoteCommand, job: HostJob): HostJobHandle {
  const token = randomHex(6)
  const script = remoteScript(token, {state: command.state.text, env: job.env, code: job.code, shellOptions: job.options, ...(job.cwd !== undefined ? {cwd: job.cwd} : {}), ...(command.state.cwd !== undefined ? {cwdFromState: command.state.cwd} : {})})
  const local = new AbortController()
  const captures = {stdout: new OutputCapture(), stderr: new OutputCapture()}
  const all: string[] = []
  let allBytes = 0
  const flags = {timedOut: false, interrupted: false}
  let pgid: number | undefined
  let stopping: Promise<void> | undefined
  let exited = false
  const maskers = {stdout: job.redactor?.stream(), stderr: job.redactor?.stream()}
  const emit = (name: 'stdout' | 'stderr', text: string) => {
    const masked = maskers[name] ? maskers[name]!.write(text) : text
    if (masked === '') return
    captures[name].write(masked)
    if ((allBytes += masked.length) <= captureLimits.textBytes) all.push(masked)
    job.onChunk(name, masked)
  }
  const reader = new MarkerReader(
    token,
    (pid) => (pgid = pid),
    // The state came back whole: the job is over even if a child it left running holds the channel.
    () => setTimeout(() => exited || local.abort(), command.settleMs ?? 100).unref(),
  )
  const stop = () =>
    (stopping ??= (async () => {
      // A job whose process group is not known yet may be starting on the host: wait for it a little,
      // so it is stopped there rather than left running when only the local client goes.
      await waitFor(() => pgid !== undefined || exited, 1000)
      if (pgid !== undefined && command.killRemote) await command.killRemote(pgid).catch(() => {})
      await waitFor(() => exited, 1000)
      if (!exited) local.abort()
    })())
  const landing = command.launch(script, token, (stream, chunk) => emit(stream, stream === 'stdout' ? reader.write(chunk) : chunk), local.signal)
  const timer = job.timeoutMs === undefined ? undefined : setTimeout(() => {
    flags.timedOut = true
    void stop()
  }, job.timeoutMs)
  const onAbort = () => {
    flags.interrupted = true
    void stop()
  }
  if (job.signal?.aborted) onAbort()
  else job.signal?.addEventListener('abort', onAbort, {once: true})
  const outcome = landing.then(async (spawned): Promise<HostOutcome> => {
    exited = true
    clearTimeout(timer)
    job.signal?.removeEventListener('abort', onAbort)
    await stopping
    emit('stdout', reader.end())
    for (const name of ['stdout', 'stderr'] as const) {
      const rest = maskers[name]?.end() ?? ''
      if (rest !== '') {
        captures[name].write(rest)
        job.onChunk(name, rest)
      }
    }
    const killed = flags.timedOut || flags.interrupted
    const result: HostOutcome = {
      exitCode: killed ? null : reader.done ? reader.status! : spawned.exitCode,
      timedOut: flags.timedOut,
      interrupted: flags.interrupted,
      stdout: captures.stdout,
      stderr: captures.stderr,
      all: all.join(''),
    }
    if (killed) result.signal = 'SIGTERM'
    if (spawned.error) result.error = spawned.error
    else if (spawned.broken && !reader.done && !killed) result.broken = spawned.broken
    else if (!reader.done && pgid === undefined && !killed) result.error = lastLines(captures.stderr) || `exited with code ${spawned.exitCode ?? spawned.signal} before the job started`
    if (reader.done && command.onState) command.onState({text: reader.state ?? '', cwd: reader.cwd ?? ''})
    return result
  })
  return {
    outcome,
    exited: () => exited,
    captures,
    stop: async () => {
      await stop()
      await outcome
    },
  }
}

function lastLines(capture: OutputCapture): string {
  const done = capture.done()
  const text = (done.text ?? done.head + done.tail).trim()
  return text.split('\n').slice(-3).join('\n')
}

function waitFor(test: () => boolean, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const deadline = Date.now() + ms
    const tick = () => (test() || Date.now() >= deadline ? resolve() : setTimeout(tick, 20))
    tick()
  })
}
