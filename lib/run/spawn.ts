// Run one process for a step (node:child_process, see docs/architecture.md): its own process group, output streamed through the
// redactor, a timeout that kills the whole tree, and "finished when the process exits", even if a
// grandchild keeps the pipes open (those are drained, never closed on it).
import {closeSync} from 'node:fs'
import type {Readable} from 'node:stream'
import {StringDecoder} from 'node:string_decoder'
import {spawn, type ChildProcess} from 'node:child_process'
import type {Redactor} from '../redact/index.js'
import {bashJobText, bashRunLine, jobChannels} from './bash-job.js'
import {captureLimits, OutputCapture} from './capture.js'
import {joinCgroupScript, startInCgroup} from './cgroup.js'
import {openJobFile, readJobFile} from './job-file.js'
import {killTree} from './kill-tree.js'
import type {HeldState, StateParts} from './shell-state.js'
import {addStatePart, readStateFile, RecordReader} from './state-records.js'

// What to run and how.
export interface SpawnRequest {
  file: string
  args: string[]
  cwd: string
  env: Record<string, string>
  timeoutMs?: number // undefined: no limit (background services, stopped by the run)
  signal?: AbortSignal
  tags: Record<string, string> // swept on timeout/interrupt
  redactor?: Redactor
  onChunk?: (stream: 'stdout' | 'stderr', chunk: string) => void
  keepAll?: boolean // keep the interleaved text (for `stream=all` and transcripts)
  input?: string // written to the process's stdin, which is then closed (remote targets: the script and its secrets)
  job?: BashJobSpec // a bash step: run `file args -c` with the bash job protocol (bash-job.ts)
}

// A bash step's code, the state it starts from and its options (see bash-job.ts).
export interface BashJobSpec {
  code: string
  restore: string
  held?: HeldState // session mode: what the server holds (session-state.ts)…
  rest?: string // …and what the job then replays itself
  options: string
  merge: boolean
  baseline?: boolean // send record B (see bash-job.ts)
  optionsKnown?: boolean // the starting state holds its O record (see bash-job.ts)
  keepState?: boolean // the code cannot change the state: no state records (state-neutral.ts)
  keepDefinitions?: boolean // nor its functions and aliases: `=` for them (state-neutral.ts)
}

// How it went.
export interface SpawnOutcome {
  exitCode: number | null
  signal?: string
  timedOut: boolean
  interrupted: boolean
  stdout: OutputCapture
  stderr: OutputCapture
  all?: string
  error?: string // could not start
  stateParts?: StateParts // the state records a bash job's EXIT trap sent back
}

// After the process exits, how long to wait for the pipes to deliver what it wrote. The wait ends
// in the check phase after the timer (setImmediate): a runner descheduled past the timer on a
// loaded machine still reads what already sits in the pipes (the poll phase comes between), which
// a bare timer would drop, since timers run before I/O in each turn of the event loop.
const drainMs = 50

// A started process: its group id, its outcome once it exits, and a way to stop its tree.
export interface ProcessHandle {
  pid: number | undefined
  exited: boolean
  captures: {stdout: OutputCapture; stderr: OutputCapture} // what it printed so far
  outcome: Promise<SpawnOutcome>
  stop(): Promise<void>
}

// Run the process to its exit (or timeout/abort) and return its outcome.
export async function spawnStep(request: SpawnRequest): Promise<SpawnOutcome> {
  return startProcess(request).outcome
}

// Start the process; `outcome` settles when it exits (after a timeout or abort kills its tree).
export function startProcess(request: SpawnRequest): ProcessHandle {
  const captures = {stdout: new OutputCapture(), stderr: new OutputCapture()}
  const handle: ProcessHandle = {pid: undefined, exited: false, captures, outcome: Promise.resolve(undefined as never), stop: async () => {}}
  let stopping: Promise<void> | undefined
  handle.stop = () => (stopping ??= killTree(handle.pid, request.tags))
  handle.outcome = run(request, handle, () => handle.stop(), () => stopping).finally(() => {
    handle.exited = true
  })
  return handle
}

async function run(request: SpawnRequest, handle: ProcessHandle, stop: () => Promise<void>, stopping: () => Promise<void> | undefined): Promise<SpawnOutcome> {
  const {stdout, stderr} = handle.captures
  let all: string[] | undefined = request.keepAll ? [] : undefined
  let allBytes = 0
  const outcome: SpawnOutcome = {exitCode: null, timedOut: false, interrupted: false, stdout, stderr}
  if (request.signal?.aborted) {
    outcome.interrupted = true
    return outcome
  }
  // A bash job reads its text from fd 3 (an anonymous file) and answers on fd 4 (moved to 62). Its
  // EXIT trap writes the state records over that same file (kept as fd 64; `.` has read it all by
  // then) and only its exit report crosses the pipe. It joins its step's cgroup itself: moving
  // the runner there and back for each spawn would take the cgroup lock for all of Node's threads.
  const jobText = request.job ? joinCgroupScript(request.tags) + bashJobText({...request.job, id: '1', jobFd: 3}, true) : ''
  const jobFd = request.job ? openJobFile(jobText) : undefined
  const args = request.job ? [...request.args, '-c', `exec ${jobChannels.replies}>&4 ${jobChannels.state}<&3 4>&-; ${bashRunLine(3)}`] : request.args
  // node:child_process, not execa: this is the hot path of `--concurrency N` (a spawn per step), and
  // execa's first calls in a fresh process cost ~10 ms each on top of the fork; nothing here uses
  // what execa adds (buffering, rejection, encoding): raw streams, our own kill and drain.
  const launch = () => spawn(request.file, args, {
    cwd: request.cwd,
    env: request.env,
    detached: true,
    stdio: [request.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe', ...(jobFd === undefined ? [] : [jobFd, 'pipe' as const])],
  })
  let subprocess: ChildProcess
  try {
    subprocess = request.job ? launch() : startInCgroup(request.tags, launch)
  } catch (error) {
    if (jobFd !== undefined) closeSync(jobFd)
    outcome.error = (error as Error).message
    return outcome
  }
  if (request.input !== undefined && subprocess.stdin) {
    subprocess.stdin.on('error', () => {}) // a process that exits before reading all of it
    subprocess.stdin.end(request.input)
  }
  let live = true
  const finishers: Array<() => void> = []
  const sinks = {stdout, stderr}
  for (const name of ['stdout', 'stderr'] as const) {
    const stream = subprocess[name]
    if (!stream) continue
    const decoder = new StringDecoder('utf8')
    const masker = request.redactor?.stream()
    const emit = (text: string) => {
      if (!live || text === '') return
      sinks[name].write(text)
      if (all && (allBytes += text.length) <= captureLimits.textBytes) all.push(text)
      request.onChunk?.(name, text)
    }
    let finished = false
    const finish = () => {
      if (finished) return
      finished = true
      const text = decoder.end()
      emit(masker ? masker.write(text) + masker.end() : text)
    }
    stream.on('data', (chunk: Buffer) => {
      if (finished) return
      const text = decoder.write(chunk)
      emit(masker ? masker.write(text) : text)
    })
    stream.on('error', () => {})
    stream.once('end', finish)
    finishers.push(finish)
  }

  const stateDone = jobFd === undefined ? undefined : readState(subprocess.stdio[4] as Readable, jobFd, outcome)
  const started = await new Promise<boolean>((resolve) => {
    subprocess.once('spawn', () => resolve(true))
    subprocess.once('error', (error) => {
      outcome.error = error.message
      resolve(false)
    })
  })
  const pgid = subprocess.pid
  handle.pid = pgid
  if (!started || pgid === undefined) {
    live = false
    if (jobFd !== undefined) closeSync(jobFd)
    return outcome
  }

  const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve) => {
    subprocess.once('exit', (code, signal) => resolve({code, signal}))
  })
  const timer =
    request.timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          outcome.timedOut = true
          void stop()
        }, request.timeoutMs)
  const onAbort = () => {
    outcome.interrupted = true
    void stop()
  }
  request.signal?.addEventListener('abort', onAbort, {once: true})

  const exit = await exited
  clearTimeout(timer)
  request.signal?.removeEventListener('abort', onAbort)
  await stopping()
  await Promise.all([drainPipes(subprocess), stateDone && withinDrain(stateDone)])
  for (const finish of finishers) finish()
  if (jobFd !== undefined) closeSync(jobFd)
  // Late output of a grandchild still holding the pipes is read and dropped; never SIGPIPE it.
  live = false
  for (const stream of [subprocess.stdout, subprocess.stderr, subprocess.stdio[4]]) {
    ;(stream as unknown as {_handle?: {unref?: () => void}} | null | undefined)?._handle?.unref?.()
  }
  if (all) outcome.all = all.join('')
  outcome.exitCode = exit.code
  if (exit.signal) outcome.signal = exit.signal
  return outcome
}

// Collect a bash job's state records into `outcome` (from the pipe and the job file); resolves at
// its final `X` record.
function readState(stream: Readable | undefined, jobFd: number, outcome: SpawnOutcome): Promise<void> {
  return new Promise((resolve) => {
    if (!stream) return resolve()
    const parts: StateParts = {}
    const reader = new RecordReader((record) => {
      if (addStatePart(parts, record)) return
      if (record.kind === 'X') {
        readStateFile(readJobFile(jobFd), '1', parts)
        outcome.stateParts = parts
        resolve()
      }
    })
    stream.setEncoding('utf8')
    stream.on('data', (text: string) => reader.write(text))
    stream.on('error', () => resolve())
    stream.once('end', () => resolve())
  })
}

// `done`, or the drain period if it comes later. The timer is cleared: left running, the last
// step's would hold a finished run open for another 50 ms.
function withinDrain(done: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([done, new Promise<void>((resolve) => (timer = setTimeout(() => setImmediate(resolve), drainMs)))]).finally(() => clearTimeout(timer))
}

// Wait until both pipes ended, or a short while when a grandchild keeps them open.
function drainPipes(subprocess: {stdout: NodeJS.ReadableStream | null; stderr: NodeJS.ReadableStream | null}): Promise<void> {
  const ended = (stream: NodeJS.ReadableStream | null) =>
    new Promise<void>((resolve) => {
      if (!stream || (stream as unknown as {readableEnded?: boolean}).readableEnded) return resolve()
      stream.once('end', () => resolve())
      stream.once('close', () => resolve())
    })
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => setImmediate(resolve), drainMs)
    void Promise.all([ended(subprocess.stdout), ended(subprocess.stderr)]).then(() => {
      clearTimeout(timer)
      resolve()
    })
  })
}

