// Output paths are checked before any step runs (SPEC §11 "check paths before running"): a run
// whose result could not be written anyway stops at once with exit 2, instead of running every
// step and losing the result at the end.
import {mkdirSync, statSync} from 'node:fs'
import path from 'node:path'
import {UsageError} from '../errors.js'

// `--out FILE`: its folder exists, and FILE is not a folder.
export function checkOutPath(target: string, shown: string): void {
  const folder = path.dirname(target)
  const kind = kindOf(folder)
  if (kind !== 'folder') throw new UsageError(`--out ${shown}: ${kind === 'missing' ? `the folder ${folder} does not exist` : `${folder} is not a folder`}`)
  if (kindOf(target) === 'folder') throw new UsageError(`--out ${shown}: it is a folder; give a file name`)
}

// `--evidence DIR`: create it one level at a time (never a recursive mkdir that can spin on /proc),
// under a nearest existing ancestor that is a folder.
export function makeEvidenceFolder(dir: string, shown: string): void {
  const missing: string[] = []
  let at = dir
  for (;;) {
    const kind = kindOf(at)
    if (kind === 'folder') break
    if (kind === 'other') throw new UsageError(`--evidence ${shown}: ${at} exists and is not a folder`)
    missing.unshift(at)
    const parent = path.dirname(at)
    if (parent === at) break
    at = parent
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EEXIST' && kindOf(folder) === 'folder') continue
      throw new UsageError(`--evidence ${shown}: cannot create ${folder} (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'read-only file system' : (error as Error).message})`)
    }
  }
}

function kindOf(file: string): 'folder' | 'missing' | 'other' {
  try {
    return statSync(file).isDirectory() ? 'folder' : 'other'
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'other'
  }
}
