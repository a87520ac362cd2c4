// Where a run came from, for the summary and the evidence: runbook's version and the git commit.
import {readGitHead} from './git-head.js'

// runbook's own version: one definition, in lib/version.ts.
export {version as packageVersion} from '../version.js'

// The commit checked out in `dir`, when it is inside a git work tree; never throws. Read from the
// repository's files where that is plain (git-head.ts), else from `git rev-parse HEAD`.
export async function gitCommit(dir: string): Promise<string | undefined> {
  const read = readGitHead(dir)
  if (read !== null) return read
  try {
    const {execa} = await import('execa') // only when the files did not say: a run need not load execa
    const result = await execa('git', ['rev-parse', 'HEAD'], {cwd: dir, reject: false, timeout: 5000, stdin: 'ignore'})
    const sha = String(result.stdout).trim()
    return result.exitCode === 0 && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined
  } catch {
    return undefined
  }
}
