// The commit checked out in a folder, read from the repository's files (HEAD, the loose ref or
// packed-refs) instead of starting `git rev-parse HEAD`: a process per run that cost a few
// milliseconds of the run's fixed cost (issue 17). Anything unusual — GIT_DIR in the environment,
// a repository another user owns, a ref format other than files — answers `null`, and the caller
// asks git itself.
import {readFileSync, statSync} from 'node:fs'
import path from 'node:path'

const sha = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/
// Variables that change where git looks for the repository or how it reads its configuration.
const steering = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM', 'GIT_NAMESPACE', 'GIT_CONFIG', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG_COUNT', 'GIT_CONFIG_PARAMETERS']

// The commit (undefined: not in a repository, or HEAD names no commit yet); null: ask git.
export function readGitHead(dir: string, env: Record<string, string | undefined> = process.env): string | undefined | null {
  if (steering.some((name) => env[name] !== undefined)) return null
  const gitDir = findGitDir(path.resolve(dir))
  if (gitDir === undefined) return undefined
  if (gitDir === null) return null
  try {
    if (process.getuid && statSync(gitDir).uid !== process.getuid()) return null // git's safe.directory rules
    const common = commonDir(gitDir)
    if (readText(path.join(common, 'config'))?.match(/^\s*refstorage\s*=/im)) return null
    const head = readText(path.join(gitDir, 'HEAD'))?.trim()
    if (head === undefined) return null
    if (sha.test(head)) return head
    const ref = /^ref: (refs\/[^\s]+)$/.exec(head)?.[1]
    if (ref === undefined || ref.split('/').includes('..')) return null
    const loose = readText(path.join(common, ref))?.trim() ?? readText(path.join(gitDir, ref))?.trim()
    if (loose !== undefined) return sha.test(loose) ? loose : null
    const packed = readText(path.join(common, 'packed-refs'))
    if (packed === undefined) return undefined // an unborn branch: no commit yet
    for (const line of packed.split('\n')) {
      const [id, name] = line.split(' ')
      if (name === ref && id !== undefined && sha.test(id)) return id
    }
    return undefined
  } catch {
    return null
  }
}

// The repository folder above `dir` (`.git` itself, or where a `.git` file points); undefined: none.
// Crossing onto another file system is left to git (it stops there unless told otherwise).
function findGitDir(dir: string): string | undefined | null {
  let device: number
  try {
    device = statSync(dir).dev
  } catch {
    return null
  }
  for (let at = dir; ; at = path.dirname(at)) {
    try {
      if (statSync(at).dev !== device) return null
    } catch {
      return null
    }
    const candidate = path.join(at, '.git')
    try {
      const stat = statSync(candidate)
      if (stat.isDirectory()) return candidate
      const pointer = /^gitdir: (.+)$/m.exec(readFileSync(candidate, 'utf8'))?.[1]?.trim()
      return pointer === undefined ? null : path.resolve(at, pointer)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'ENOTDIR') return null
    }
    if (path.dirname(at) === at) return undefined
  }
}

// Where refs and packed-refs live: a linked worktree's `commondir`, else the folder itself.
function commonDir(gitDir: string): string {
  const common = readText(path.join(gitDir, 'commondir'))?.trim()
  return common ? path.resolve(gitDir, common) : gitDir
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}
