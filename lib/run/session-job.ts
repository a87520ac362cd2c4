// Run one shell step as a job of the run's bash session: same outcome as `spawnStep` (output
// through the redactor, timeout and interrupt kill the tree, state saved by the EXIT trap).
import {captureLimits, OutputCapture} from './capture.js'
import {joinCgroupScript} from './cgroup.js'
import {killTree} from './kill-tree.js'
import {bashJobText} from './bash-job.js'
import {processAlive, sessionFds, type ShellSession} from './session.js'
import type {BashJobSpec, SpawnOutcome, SpawnRequest} from './spawn.js'

// True when a step can run in the session: its code does not replace the shell (`exec cmd`).
export function sessionCapable(code: string): boolean {
  return !/(^|[\s;&|(`])exec(\s|$)/m.test(code)
}

// The job's text (bash-job.ts): the directory and the output sentinels (the server holds the
// exact environment and, when the state says what it may hold, the functions, aliases and plain
// variables: session-env.ts, session-state.ts).
function jobScript(session: ShellSession, id: string, request: SessionRequest): string {
  const restore = request.job.held ? (request.job.rest ?? '') : request.job.restore
  return bashJobText({...request.job, restore, id, jobFd: sessionFds.job, cwd: request.cwd, mark: session.mark(id)})
}

// A session job: the spawn request plus the bash job's code, carried state and options; the status
// variables come apart from `env` (session-env.ts).
export type SessionRequest = SpawnRequest & {job: BashJobSpec; statuses?: ReadonlyMap<string, string>; stepEnv?: Record<string, string>}

// Run the step's code in the session and resolve when the job is over.
export function runInSession(session: ShellSession, request: SessionRequest): Promise<SpawnOutcome> {
  const stdout = new OutputCapture()
  const stderr = new OutputCapture()
  const all: string[] = []
  let allBytes = 0
  const outcome: SpawnOutcome = {exitCode: null, timedOut: false, interrupted: false, stdout, stderr}
  if (request.signal?.aborted) {
    outcome.interrupted = true
    return Promise.resolve(outcome)
  }
  return new Promise((resolve) => {
    const maskers = {stdout: request.redactor?.stream(), stderr: request.redactor?.stream()}
    const sinks = {stdout, stderr}
    const ended = {stdout: false, stderr: false}
    let pid: number | undefined
    let status: number | undefined
    let stopping: Promise<void> | undefined
    let finished = false
    let timer: NodeJS.Timeout | undefined
    let poll: NodeJS.Timeout | undefined
    const emit = (name: 'stdout' | 'stderr', text: string) => {
      if (finished || text === '') return
      sinks[name].write(text)
      if ((allBytes += text.length) <= captureLimits.textBytes) all.push(text)
      request.onChunk?.(name, text)
    }
    const finish = () => {
      if (finished) return
      for (const name of ['stdout', 'stderr'] as const) {
        const masker = maskers[name]
        if (masker) emit(name, masker.end())
      }
      finished = true
      clearTimeout(timer)
      clearInterval(poll)
      request.signal?.removeEventListener('abort', onAbort)
      session.release()
      const killed = outcome.timedOut || outcome.interrupted
      outcome.exitCode = killed ? null : (status ?? null)
      if (killed || status === undefined) outcome.signal = status === undefined ? 'SIGKILL' : 'SIGTERM'
      outcome.all = all.join('')
      resolve(outcome)
    }
    const maybeDone = () => {
      if (status === undefined || !ended.stdout || !ended.stderr) return
      // A job killed on timeout may run its trap at SIGTERM: its tree is done only when killTree is.
      if (stopping) void stopping.then(finish)
      else finish()
    }
    const stop = () => {
      stopping ??= killTree(pid, request.tags).then(() => {
        setTimeout(finish, 50) // the markers will not come: a killed job runs no trap
      })
    }
    const onAbort = () => {
      outcome.interrupted = true
      stop()
    }
    request.signal?.addEventListener('abort', onAbort, {once: true})
    let gone = 0
    const join = joinCgroupScript(request.tags)
    session.run((id) => join + jobScript(session, id, request), request.env, {
      started(started) {
        pid = started
        if (request.timeoutMs !== undefined) {
          timer = setTimeout(() => {
            outcome.timedOut = true
            stop()
          }, request.timeoutMs)
        }
        // Safety net for a job that ends without its trap (killed from inside): look every 100 ms.
        // Gone on two looks in a row: the pipes were read in between, so an exit report written
        // before the job ended has arrived (a wall-clock grace could lapse on a loaded machine).
        poll = setInterval(() => {
          gone = processAlive(started) ? 0 : gone + 1
          if (gone >= 2 && !stopping) finish()
        }, 100)
      },
      stdout: (text) => emit('stdout', maskers.stdout ? maskers.stdout.write(text) : text),
      stderr: (text) => emit('stderr', maskers.stderr ? maskers.stderr.write(text) : text),
      state(parts) {
        outcome.stateParts = parts
      },
      exited(code) {
        status = code
        maybeDone()
      },
      ended(name) {
        ended[name] = true
        maybeDone()
      },
    }, {keepState: request.job.keepState === true, ...(request.job.held ? {held: request.job.held} : {}), ...(request.statuses ? {statuses: request.statuses} : {}), ...(request.stepEnv ? {overrides: request.stepEnv} : {})})
  })
}
