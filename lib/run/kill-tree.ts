// Stop a step's whole process tree: SIGTERM to its group, a grace period, SIGKILL, then a sweep
// for processes still carrying the step's tags (SPEC §11).
import {killCgroup, stepCgroup} from './cgroup.js'
import {findTagged} from './sweep.js'

// Grace between SIGTERM and SIGKILL.
export const killGraceMs = 2000

let hurry = false

// A second Ctrl-C: every stop from now on (and every one under way) skips the grace period and
// SIGKILLs at once. The cleanup itself (group kill, tag sweep) still runs.
export function skipKillGrace(): void {
  hurry = true
}

// Stop the process group `pgid` and everything tagged with `tags`; resolves when all are gone
// (or SIGKILLed). Never throws.
export async function killTree(pgid: number | undefined, tags: Record<string, string> | undefined, graceMs = killGraceMs): Promise<void> {
  const tagged = () => (tags ? findTagged(tags) : [])
  if (pgid !== undefined) signalGroup(pgid, 'SIGTERM')
  let stragglers = tagged()
  for (const pid of stragglers) signalPid(pid, 'SIGTERM')
  const deadline = Date.now() + graceMs
  while (!hurry && Date.now() < deadline) {
    const groupAlive = pgid !== undefined && signalGroup(pgid, 0)
    stragglers = stragglers.filter((pid) => signalPid(pid, 0))
    if (!groupAlive && stragglers.length === 0) break
    await sleep(25)
  }
  if (pgid !== undefined) signalGroup(pgid, 'SIGKILL')
  // Sweep until nothing tagged is left: a double fork may have raced the first look.
  for (let round = 0; round < 5; round++) {
    const left = tagged()
    if (left.length === 0) break
    for (const pid of left) signalPid(pid, 'SIGKILL')
    await sleep(20)
  }
  // The second net: whatever is still in the step's cgroup (`env -i setsid` dropped the tags).
  if (tags) killCgroup(stepCgroup(tags))
}

// Signal a whole process group; true when it exists.
export function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal)
    return true
  } catch {
    return false
  }
}

function signalPid(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(pid, signal)
    return true
  } catch {
    return false
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
