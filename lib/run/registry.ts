// Live runs on this machine (SPEC §11): each run leaves a small record — its id, the runner's pid
// and start time, its temporary folder and the steps whose processes are alive — in
// `$XDG_RUNTIME_DIR/runbook/runs` (else a private folder under the temp folder). When a runner dies
// without cleaning up (SIGKILL, a crash), the next run or `runbook cleanup` finds its record with
// no live runner and stops what it left: the running steps and services, never the processes a
// finished step left on purpose.
import {closeSync, ftruncateSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, unlinkSync, writeSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import type {EventListener} from '../events.js'
import {killCgroup, removeFinishedRunCgroups, stepCgroups} from './cgroup.js'
import {findTagged} from './sweep.js'

// One run's record.
export interface RunRecord {
  runId: string
  pid: number
  started: string // the runner's start time from /proc (pid reuse guard)
  tmpDir?: string
  live: string[] // steps and services whose processes may be running
}

// The folder of the records, created private; undefined when it is not ours (another user made it).
export function registryDir(env: Record<string, string | undefined> = process.env): string | undefined {
  const runtime = env['XDG_RUNTIME_DIR']
  const dir = runtime ? path.join(runtime, 'runbook', 'runs') : path.join(tmpdir(), `runbook-runs-${process.getuid?.() ?? 'user'}`)
  try {
    mkdirSync(dir, {recursive: true, mode: 0o700})
    const stat = lstatSync(dir)
    if (!stat.isDirectory() || (process.getuid && stat.uid !== process.getuid()) || (stat.mode & 0o022) !== 0) return undefined
    return dir
  } catch {
    return undefined
  }
}

// Keep the record of a live run up to date; `done()` removes it. The file stays open and is
// rewritten in place (twice a step): reopening it with O_TRUNC cost ~0.2-1 ms a time on ext4.
export function recordRun(runId: string, tmpDir: string): {update(live: string[]): void; done(): void} {
  const dir = registryDir()
  const file = dir ? path.join(dir, `${runId}.json`) : undefined
  const started = startTime(process.pid) ?? ''
  let fd: number | undefined
  try {
    if (file) fd = openSync(file, 'w', 0o600)
  } catch {
    // a full or read-only disk: the record is a safety net, not a reason to fail the run
  }
  const write = (live: string[]) => {
    if (fd === undefined) return
    const record: RunRecord = {runId, pid: process.pid, started, tmpDir, live}
    const bytes = Buffer.from(JSON.stringify(record))
    try {
      writeSync(fd, bytes, 0, bytes.length, 0)
      ftruncateSync(fd, bytes.length)
    } catch {
      // as above
    }
  }
  write([])
  return {
    update: write,
    done() {
      if (fd !== undefined) closeSync(fd)
      fd = undefined
      if (file) rmSync(file, {force: true})
    },
  }
}

// An emitter that keeps the record's list of live steps: a step from its start to its end, a
// service until it is stopped.
export function trackLiveSteps(emit: EventListener, update: (live: string[]) => void): EventListener {
  const live = new Set<string>()
  const services = new Set<string>()
  return (event) => {
    const before = live.size
    if (event.type === 'step:start') live.add(event.stepId)
    else if (event.type === 'service:ready') services.add(event.stepId)
    else if ((event.type === 'step:end' && !services.has(event.stepId)) || event.type === 'service:stop') live.delete(event.stepId)
    if (live.size !== before) update([...live])
    emit(event)
  }
}

// Stop what dead runners left and forget them; the ids of the runs swept.
export function sweepDeadRuns(): string[] {
  const dir = registryDir()
  if (!dir) return []
  const swept: string[] = []
  const live = new Set<string>()
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.json')) continue
    const file = path.join(dir, name)
    let record: RunRecord
    try {
      record = JSON.parse(readFileSync(file, 'utf8')) as RunRecord
    } catch {
      live.add(name.slice(0, -'.json'.length))
      continue // being written, or not ours to read
    }
    if (alive(record)) {
      live.add(record.runId)
      continue
    }
    // The run's own processes (its bash session carries no step id) and those of live steps.
    const steps = new Set(record.live)
    for (let round = 0; round < 3; round++) {
      const left = findTagged({RUNBOOK_RUN_ID: record.runId}).filter((pid) => {
        const step = stepOf(pid)
        return step === undefined || steps.has(step)
      })
      if (left.length === 0) break
      for (const pid of left) kill(pid)
    }
    for (const step of steps) for (const dir of stepCgroups(record.runId, step)) killCgroup(dir)
    if (record.tmpDir && path.basename(record.tmpDir).startsWith('runbook-')) rmSync(record.tmpDir, {recursive: true, force: true})
    try {
      unlinkSync(file)
    } catch {
      // another sweeper was first
    }
    swept.push(record.runId)
  }
  // The empty cgroups of finished runs (a step that left a process on purpose kept its own).
  removeFinishedRunCgroups((runId) => live.has(runId))
  return swept
}

function alive(record: RunRecord): boolean {
  try {
    process.kill(record.pid, 0)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  const started = startTime(record.pid)
  return started === undefined || record.started === '' || started === record.started
}

// Field 22 of /proc/PID/stat: when the process started, in clock ticks since boot.
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  } catch {
    return undefined
  }
}

function stepOf(pid: number): string | undefined {
  try {
    const entry = readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').find((item) => item.startsWith('RUNBOOK_STEP_ID='))
    return entry === undefined ? undefined : Buffer.from(entry.slice('RUNBOOK_STEP_ID='.length), 'latin1').toString('utf8')
  } catch {
    return undefined
  }
}

function kill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL')
  } catch {
    // gone
  }
}
