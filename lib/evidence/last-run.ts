// `--resume`: the step statuses of the last run recorded in an evidence folder.
import path from 'node:path'
import type {StepStatus} from '../result.js'
import {fsPromises} from '../fs-promises.js'

// The reason a step skipped by `--resume` carries; such a step still counts as passed next time.
export const resumedReason = 'passed in an earlier run (--resume)'

const statuses = new Set<StepStatus>(['passed', 'failed', 'skipped', 'manual', 'timed-out', 'not-run', 'interrupted'])

// The steps of DIR/manifest.json, or undefined when there is none (or it cannot be read).
export async function readLastRun(dir: string): Promise<{steps: Array<{id: string; status: StepStatus}>} | undefined> {
  const {readFile} = fsPromises()
  const text = await readFile(path.join(dir, 'manifest.json'), 'utf8').catch(() => undefined)
  if (text === undefined) return undefined
  try {
    const manifest = JSON.parse(text) as {steps?: Array<{id?: unknown; status?: unknown; reason?: unknown}>}
    if (!Array.isArray(manifest.steps)) return undefined
    const steps = manifest.steps
      .filter((step): step is {id: string; status: StepStatus} => typeof step?.id === 'string' && statuses.has(step.status as StepStatus))
      // A fail → fix → resume → resume cycle never repeats a step that passed: keep it passed.
      .map((step) => ({id: step.id, status: step.status === 'skipped' && (step as {reason?: unknown}).reason === resumedReason ? 'passed' : step.status}))
    return {steps}
  } catch {
    return undefined
  }
}
