// Every shell a run will start must exist before the first step runs: `shell: fishh` is a typo to
// report with its place (exit 2), not a `spawn fishh ENOENT` in the middle of the run.
import {accessSync, constants, statSync} from 'node:fs'
import path from 'node:path'
import {Diagnostic} from '../diagnostic.js'
import type {Runbook} from '../model.js'
import {shellArgv} from '../shell/values.js'

// One error per step that will run (or the front matter) naming a shell that is not an executable on PATH.
export function missingShells(runbook: Runbook, env: Record<string, string | undefined>, runs: (id: string) => boolean): Diagnostic[] {
  const found = new Map<string, boolean>()
  const exists = (file: string) => {
    if (!found.has(file)) found.set(file, findExecutable(file, env['PATH'] ?? ''))
    return found.get(file)!
  }
  const out: Diagnostic[] = []
  const frontShell = runbook.frontMatter?.shell
  let frontReported = false
  for (const step of runbook.steps) {
    if ((step.runner !== 'shell' && step.runner !== 'console') || !runs(step.id)) continue
    const own = step.options.shell
    const shell = own ?? frontShell ?? 'bash'
    const {file} = shellArgv(shell)
    if (exists(file)) continue
    if (own === undefined && frontShell !== undefined) {
      if (frontReported) continue
      frontReported = true
      out.push(notFound(runbook, file, runbook.frontMatter!.span, 'front matter `shell`'))
      continue
    }
    const attribute = step.attributes.find((a) => a.key === 'shell')
    out.push(notFound(runbook, file, attribute?.span ?? step.span, `step \`${step.id}\``))
  }
  return out
}

function notFound(runbook: Runbook, file: string, place: Diagnostic['place'], owner: string): Diagnostic {
  return new Diagnostic(`Shell \`${file}\` of ${owner} is not installed (not found on PATH)`, {
    file: runbook.file,
    place,
    ruleId: 'invalid-annotation',
    note: 'install it, or name a shell that is installed, such as bash or sh',
  })
}

// True when `file` (a path, or a name looked up on PATH) is an executable file.
function findExecutable(file: string, pathVariable: string): boolean {
  const candidates = file.includes('/') ? [file] : pathVariable.split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, file))
  return candidates.some((candidate) => {
    try {
      accessSync(candidate, constants.X_OK)
      return statSync(candidate).isFile()
    } catch {
      return false
    }
  })
}
