// The folder a document's steps start in: its own folder, or front matter `cwd` (Runme's key, or
// `runbook.cwd`) resolved from there. A step's `cwd=` is relative to it, as in Runme.
import path from 'node:path'
import type {Runbook} from '../model.js'

// The absolute working directory of the document's steps.
export function documentCwd(runbook: Runbook): string {
  const cwd = runbook.frontMatter?.cwd
  return cwd === undefined ? runbook.dir : path.resolve(runbook.dir, cwd)
}
