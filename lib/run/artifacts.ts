// `artifacts="logs/*.txt"`: the files a step made that match the glob, under the step's folder.
// Symlinks are never followed (a symlinked file or folder is left out) and nothing outside the
// folder can match: the glob is relative and may not climb with `..`.
import {lstatSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {globBase, globMatcher, isGlob} from '../lint/glob.js'
import type {ArtifactFile} from '../result.js'

const maxFiles = 1000

// The files `glob` matches under `cwd`, with paths relative to it (`/`-separated), and what was left out.
export function findArtifacts(cwd: string, glob: string): {files: ArtifactFile[]; problems: string[]} {
  const pattern = glob.trim().replace(/^\.\//, '')
  if (path.isAbsolute(pattern) || pattern.split('/').includes('..')) {
    return {files: [], problems: [`artifacts="${glob}" must be a relative glob inside the step's folder (no leading / and no ..)`]}
  }
  const matches = globMatcher(pattern)
  const files: ArtifactFile[] = []
  const problems: string[] = []
  const walk = (relative: string) => {
    let entries: string[]
    try {
      entries = readdirSync(path.join(cwd, relative))
    } catch {
      return
    }
    for (const name of entries.sort()) {
      const rel = relative === '' ? name : `${relative}/${name}`
      const stats = lstatSync(path.join(cwd, rel), {throwIfNoEntry: false})
      if (!stats) continue
      if (stats.isSymbolicLink()) {
        if (matches(rel)) problems.push(`${rel} is a symlink: not followed`)
        continue
      }
      if (stats.isDirectory()) walk(rel)
      else if (stats.isFile() && matches(rel)) {
        if (files.length >= maxFiles) {
          problems.push(`more than ${maxFiles} files match: the rest are left out`)
          return
        }
        files.push({path: rel, source: path.join(cwd, rel), size: stats.size})
      }
    }
  }
  // A plain path (`report.txt`, `out/report.txt`) is its own glob base: walk the folder that holds it.
  const base = isGlob(pattern) ? globBase(pattern) : path.posix.dirname(pattern)
  const baseStats = lstatSync(path.join(cwd, base), {throwIfNoEntry: false})
  if (baseStats?.isDirectory() && !baseStats.isSymbolicLink()) walk(base === '.' ? '' : base)
  return {files, problems}
}
