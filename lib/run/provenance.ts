// Where a run came from, for the summary and the evidence: runbook's version and the git commit.
import {existsSync, readFileSync} from 'node:fs'
import {execa} from 'execa'

// The package version, read once from package.json (from lib/run/ or dist/lib/run/).
export const packageVersion: string = (() => {
  for (const up of ['../../package.json', '../../../package.json']) {
    const url = new URL(up, import.meta.url)
    if (!existsSync(url)) continue
    const data = JSON.parse(readFileSync(url, 'utf8')) as {name?: string; version?: string}
    if (data.name === 'runbook' && data.version) return data.version
  }
  return '0.0.0'
})()

// The commit checked out in `dir`, when it is inside a git work tree; never throws.
export async function gitCommit(dir: string): Promise<string | undefined> {
  try {
    const result = await execa('git', ['rev-parse', 'HEAD'], {cwd: dir, reject: false, timeout: 5000, stdin: 'ignore'})
    const sha = String(result.stdout).trim()
    return result.exitCode === 0 && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined
  } catch {
    return undefined
  }
}
