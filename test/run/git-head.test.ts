// The commit a run records, read from the repository's files (lib/run/git-head.ts), is the one
// `git rev-parse HEAD` gives, on real repositories: loose and packed refs, a detached HEAD, an
// unborn branch, a subfolder, a linked worktree, and no repository at all.
import t from 'tap'
import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {readGitHead} from '../../lib/run/git-head.js'
import {runbookDir, runJson} from '../helpers/run.js'

const env = {PATH: process.env['PATH'], HOME: process.env['HOME']}
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'init.defaultBranch=main', ...args], {cwd, env, stdio: ['ignore', 'pipe', 'pipe']}).toString().trim()
const revParse = (cwd: string) => {
  try {
    return git(cwd, 'rev-parse', '--verify', '-q', 'HEAD')
  } catch {
    return undefined
  }
}

t.test('the commit read from the files is the one git names', async (t) => {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'rb-git-head-')))
  t.teardown(() => rmSync(root, {recursive: true, force: true}))
  const repo = path.join(root, 'repo')
  mkdirSync(path.join(repo, 'sub'), {recursive: true})
  git(repo, 'init', '-q')
  t.equal(readGitHead(repo, env), undefined, 'an unborn branch has no commit')
  t.equal(revParse(repo), undefined)
  git(repo, 'commit', '-q', '--allow-empty', '-m', 'one')
  const first = revParse(repo)!
  t.equal(readGitHead(repo, env), first, 'a loose ref')
  t.equal(readGitHead(path.join(repo, 'sub'), env), first, 'from a subfolder')
  git(repo, 'pack-refs', '--all')
  t.equal(readGitHead(repo, env), first, 'a packed ref')
  git(repo, 'commit', '-q', '--allow-empty', '-m', 'two')
  const second = revParse(repo)!
  t.not(second, first)
  t.equal(readGitHead(repo, env), second, 'a loose ref newer than the packed one')
  git(repo, 'checkout', '-q', '--detach', first)
  t.equal(readGitHead(repo, env), first, 'a detached HEAD')
  git(repo, 'checkout', '-q', 'main')
  const linked = path.join(root, 'linked')
  git(repo, 'worktree', 'add', '-q', '-b', 'other', linked, first)
  t.equal(readGitHead(linked, env), revParse(linked), 'a linked worktree')
  t.equal(readGitHead(linked, env), first)
  const outside = path.join(root, 'outside')
  mkdirSync(outside)
  t.equal(readGitHead(outside, env), revParse(outside), 'no repository: no commit')
  t.equal(readGitHead(repo, {...env, GIT_DIR: path.join(repo, '.git')}), null, 'GIT_DIR set: git is asked')
})

t.test('runbook run records the checked-out commit in the evidence, through the CLI', async (t) => {
  const book = runbookDir(['# Commit', '', '```bash {#one}', 'echo hi', '```', ''].join('\n'))
  t.teardown(book.cleanup)
  git(book.dir, 'init', '-q')
  git(book.dir, 'add', 'runbook.md')
  git(book.dir, 'commit', '-q', '-m', 'runbook')
  const evidence = path.join(book.dir, 'ev')
  const run = await runJson(book.file, ['--evidence', evidence])
  t.equal(run.code, 0, run.stderr)
  const manifest = JSON.parse(readFileSync(path.join(evidence, 'manifest.json'), 'utf8')) as {commit: string | null}
  t.equal(manifest.commit, revParse(book.dir))
})
