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
  file: string
  args: string[]
  env: Record<string, string> // the local client's environment (tagged)
  cwd: string
  tags: Record<string, string> // the local client's tags (swept when it must be killed)
  state: {text: string; cwd?: string} // what the host's previous step left
  killRemote?: (pgid: number) => Promise<void> // TERM, grace, KILL of a process group on the host
  onState?: (state: {text: string; cwd: string}) => void // the state this job leaves
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
    () => setTimeout(() => exited || local.abort(), 100).unref(),
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
  const handle = startProcess({
    file: command.file,
    args: command.args,
    cwd: command.cwd,
    env: command.env,
    tags: command.tags,
    signal: local.signal,
    input: `${script}\0`,
    onChunk: (stream, chunk) => emit(stream, stream === 'stdout' ? reader.write(chunk) : chunk),
  })
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
  const outcome = handle.outcome.then(async (spawned): Promise<HostOutcome> => {
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
