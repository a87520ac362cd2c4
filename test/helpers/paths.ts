// Where the checkout is, for tests that run from test/ (ts-node) or compiled from dist/test/.
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

// The nearest folder above this file whose package.json is runbook's: the repository root.
function findRepo(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json')
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as {name?: string}).name === 'runbook') return dir
    if (path.dirname(dir) === dir) throw new Error(`no runbook package.json above ${from}`)
  }
}

// The repository root (fixtures are under `test/fixtures`, the built CLI under `dist/bin`).
export const repoDir = findRepo(path.dirname(fileURLToPath(import.meta.url)))

// A path inside the repository, from its root: `repoPath('test/fixtures/lint')`.
export function repoPath(...parts: string[]): string {
  return path.join(repoDir, ...parts)
}
