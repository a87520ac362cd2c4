// The second net under the environment-tag sweep (SPEC §11): where a cgroup v2 folder is writable
// (root, a container, a systemd-delegated user session), each step's processes are started inside
// a cgroup of their own. `env -i setsid` drops the tags and leaves the process group, but no process
// can leave its cgroup, so stopping the step kills every member. Elsewhere this is a no-op.
import {accessSync, closeSync, constants, mkdirSync, openSync, readdirSync, readFileSync, rmdirSync, statSync, write, writeFileSync} from 'node:fs'
import path from 'node:path'
import {shellQuote} from '../shell/values.js'

let base: string | null | undefined // undefined: not looked yet; null: no writable cgroup v2

// The cgroup v2 folder the runner lives in, when it may create children there.
export function cgroupBase(): string | undefined {
  if (base !== undefined) return base ?? undefined
  base = null
  if (process.platform !== 'linux' || process.env['RUNBOOK_NO_CGROUP'] !== undefined) return undefined
  try {
    const own = /^0::(.*)$/m.exec(readFileSync('/proc/self/cgroup', 'utf8'))?.[1]
    const mount = readFileSync('/proc/self/mountinfo', 'utf8')
      .split('\n')
      .map((line) => line.split(' '))
      .find((fields) => fields[fields.indexOf('-') + 1] === 'cgroup2')?.[4]
    if (own === undefined || mount === undefined) return undefined
    const dir = path.join(mount, own)
    // A child cgroup can be made and both `cgroup.procs` files written. Checked, not tried: the
    // first move of a run waits for an RCU grace period (10-60 ms here), and moving the runner
    // itself would pay it before the first step on top of the step's own move. Where a move
    // fails anyway, the step still runs, outside the net (as with no cgroup at all).
    const probe = path.join(dir, `runbook-probe-${process.pid}`)
    mkdirSync(probe)
    try {
      accessSync(path.join(probe, 'cgroup.procs'), constants.W_OK)
      accessSync(path.join(dir, 'cgroup.procs'), constants.W_OK)
    } finally {
      rmdirSync(probe)
    }
    base = dir
  } catch {
    base = null
  }
  return base ?? undefined
}

// Called when a run starts, before its first step. The first move of a process into a cgroup after
// a quiet spell waits for an RCU grace period (the kernel's lock on moves is cheap for readers and
// slow for the first writer): 10-20 ms here, which the first step paid before its code started.
// The runner moves itself to the cgroup it is already in, on a thread of the pool, so the wait
// happens there while the run sets up; the steps' own moves then find the lock warm. The file is
// opened here so that the write starts on that thread at once, not after the next turn of the loop.
export function warmCgroups(): void {
  const root = cgroupBase()
  if (!root) return
  try {
    const fd = openSync(path.join(root, 'cgroup.procs'), 'w')
    write(fd, String(process.pid), () => closeSync(fd))
  } catch {
    // the steps' moves pay the wait instead
  }
}

// The cgroup folder of one step of one run (it may not exist). A step on many hosts gets one per
// host: stopping one host's client (its cgroup is killed as the last net) must not kill the
// clients of the other hosts of the same step.
export function stepCgroup(tags: Record<string, string>): string | undefined {
  const root = cgroupBase()
  const run = tags['RUNBOOK_RUN_ID']
  if (!root || !run) return undefined
  const clean = (text: string, length: number) => text.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, length)
  const step = clean(tags['RUNBOOK_STEP_ID'] ?? 'run', 80)
  const host = tags['RUNBOOK_HOST'] === undefined ? '' : `@${clean(tags['RUNBOOK_HOST'], 80)}`
  return path.join(root, `runbook-${run}-${step}${host}`)
}

// Every cgroup folder of one step of one run: the step's own and one per host it ran on.
export function stepCgroups(runId: string, stepId: string): string[] {
  const own = stepCgroup({RUNBOOK_RUN_ID: runId, RUNBOOK_STEP_ID: stepId})
  if (!own) return []
  const name = path.basename(own)
  try {
    return readdirSync(path.dirname(own)).filter((entry) => entry === name || entry.startsWith(`${name}@`)).map((entry) => path.join(path.dirname(own), entry))
  } catch {
    return []
  }
}

// Call `start` (which must fork synchronously) with the runner inside the step's cgroup, so the
// child is born there; the runner moves back before anything else runs.
export function startInCgroup<T>(tags: Record<string, string>, start: () => T): T {
  const dir = stepCgroup(tags)
  if (!dir) return start()
  try {
    mkdirSync(dir, {recursive: true})
    writeFileSync(path.join(dir, 'cgroup.procs'), String(process.pid))
  } catch {
    return start()
  }
  try {
    return start()
  } finally {
    try {
      writeFileSync(path.join(cgroupBase()!, 'cgroup.procs'), String(process.pid))
    } catch {
      // cannot happen where the probe worked; the runner staying inside is harmless
    }
  }
}

// For a job forked by the run's long-lived bash session: a first command that moves the job into
// its step's cgroup before it starts anything ('' where there is no cgroup to join).
export function joinCgroupScript(tags: Record<string, string>): string {
  const dir = stepCgroup(tags)
  if (!dir) return ''
  try {
    mkdirSync(dir, {recursive: true})
  } catch {
    return ''
  }
  return `{ builtin echo $BASHPID >${shellQuote(path.join(dir, 'cgroup.procs'))}; } 2>/dev/null; `
}

// SIGKILL every process left in the step's cgroup and remove it when empty; the count killed.
export function killCgroup(dir: string | undefined): number {
  if (!dir) return 0
  let killed = 0
  for (let round = 0; round < 5; round++) {
    const pids = members(dir).filter((pid) => pid !== process.pid)
    if (pids.length === 0) break
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL')
        killed++
      } catch {
        // gone
      }
    }
  }
  removeCgroup(dir)
  return killed
}

// Remove the step's cgroup if nothing lives in it any more (processes left on purpose keep it).
export function removeCgroup(dir: string | undefined): void {
  if (!dir) return
  try {
    rmdirSync(dir)
  } catch {
    // not empty (a daemon left on purpose) or already gone
  }
}

// Remove the run's step cgroups that are empty (run end); those holding a daemon stay.
export function removeRunCgroups(runId: string): void {
  const root = cgroupBase()
  if (!root) return
  try {
    for (const name of readdirSync(root)) if (name.startsWith(`runbook-${runId}-`)) removeCgroup(path.join(root, name))
  } catch {
    // the folder went away
  }
}

// Remove the empty step cgroups of runs that are over (`isLive` false for their run id). A step
// that left a process running on purpose keeps its cgroup at the end of its run; once that process
// is gone, the folder would stay for good. The next run (or `runbook cleanup`) removes it. A cgroup
// that still holds a process is kept, and so is one made in the last minute: a run recorded
// somewhere else (another XDG_RUNTIME_DIR) may be about to move its step into it.
export function removeFinishedRunCgroups(isLive: (runId: string) => boolean, now = Date.now()): void {
  const root = cgroupBase()
  if (!root) return
  try {
    for (const name of readdirSync(root)) {
      const runId = /^runbook-(rb-[a-z0-9]+-[0-9a-f]+)-/.exec(name)?.[1]
      if (runId === undefined || isLive(runId)) continue
      const dir = path.join(root, name)
      if (now - statSync(dir).mtimeMs >= 60_000) removeNested(dir, 8)
    }
  } catch {
    // the folder went away
  }
}

// Remove an empty cgroup and the empty step cgroups inside it: a runbook run by a step makes its
// own steps' cgroups inside that step's.
function removeNested(dir: string, depth: number): void {
  if (depth > 0) {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      if (entry.isDirectory() && entry.name.startsWith('runbook-')) removeNested(path.join(dir, entry.name), depth - 1)
    }
  }
  removeCgroup(dir)
}

function members(dir: string): number[] {
  try {
    return readFileSync(path.join(dir, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean).map(Number)
  } catch {
    return []
  }
}
