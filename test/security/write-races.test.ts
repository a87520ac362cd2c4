// Finding 9 of issue 12: two runs writing the same file both keep their results; a file the user
// could not write is never replaced; a refusal of the file system is a clear exit 2 with no
// temporary file left behind.
import t from 'tap'
import {spawnSync} from 'node:child_process'
import {chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {binPath} from '../helpers/cli.js'
import {runbookDir, startCli, waitFor} from '../helpers/run.js'

const fence = '```'

t.test('two concurrent --write runs both keep their results', async (t) => {
  const dir = runbookDir(['# Race', '', `${fence}bash {#wait}`, 'touch "started.$$"; while [ ! -e go ]; do sleep 0.05; done; echo "run $$"', fence, ''].join('\n'))
  t.teardown(dir.cleanup)
  const runs = [startCli(['run', dir.file, '--write', '--reporter', 'plain'], {cwd: dir.dir}), startCli(['run', dir.file, '--write', '--reporter', 'plain'], {cwd: dir.dir})]
  await waitFor(() => readdirSync(dir.dir).filter((name) => name.startsWith('started.')).length === 2, 30_000, 'both runs')
  writeFileSync(path.join(dir.dir, 'go'), '')
  const done = await Promise.all(runs.map((run) => run.done))
  for (const run of done) t.equal(run.code, 0, run.stderr)
  const aside = path.join(dir.dir, 'runbook.runbook.md')
  t.ok(existsSync(aside), 'the second result went beside the file')
  const outputs = [readFileSync(dir.file, 'utf8'), readFileSync(aside, 'utf8')].map((text) => /run (\d+)/.exec(text)?.[1])
  t.equal(new Set(outputs).size, 2, 'each file holds a different run')
  t.match(done.map((run) => run.stderr).join(''), /changed during the run; kept it and wrote the result to/)
})

t.test('an immutable file is a clear exit 2, with no temporary file left', async (t) => {
  const dir = runbookDir(['# Immutable', '', `${fence}bash {#one}`, 'echo hi', fence, ''].join('\n'))
  t.teardown(() => {
    spawnSync('chattr', ['-i', dir.file])
    dir.cleanup()
  })
  if (spawnSync('chattr', ['+i', dir.file]).status !== 0) {
    t.comment('chattr +i needs root and a file system that supports it')
    return
  }
  const run = spawnSync(process.execPath, [binPath, 'run', dir.file, '--write', '--reporter', 'plain'], {cwd: dir.dir, encoding: 'utf8'})
  t.equal(run.status, 2, run.stderr)
  t.match(run.stderr, /cannot write runbook\.md: (permission denied|operation not permitted)/)
  t.notMatch(run.stderr, /bug/)
  t.same(readdirSync(dir.dir).filter((name) => name.includes('tmp')), [], 'no temporary file left')
})

t.test('a file the user could not write is not replaced through a writable folder', async (t) => {
  if (process.getuid?.() !== 0) {
    t.comment('needs root to run the CLI as another user')
    return
  }
  const dir = runbookDir(['# Owned', '', `${fence}bash {#one}`, 'echo hi', fence, ''].join('\n'))
  t.teardown(dir.cleanup)
  chmodSync(dir.dir, 0o777)
  chmodSync(dir.file, 0o644)
  // The other user must reach the built CLI: a checkout inside a private folder (`mktemp -d` is
  // 0700) gets the search bit on that folder for the test's length, then its own mode back.
  for (let up = path.dirname(binPath); up !== path.dirname(up); up = path.dirname(up)) {
    const mode = statSync(up).mode & 0o7777
    if ((mode & 0o001) !== 0) continue
    chmodSync(up, mode | 0o001)
    t.teardown(() => chmodSync(up, mode))
  }
  const before = readFileSync(dir.file, 'utf8')
  const run = spawnSync(process.execPath, [binPath, 'run', dir.file, '--write', '--reporter', 'plain'], {cwd: dir.dir, encoding: 'utf8', uid: 65534, gid: 65534})
  t.equal(run.status, 2, run.stderr)
  t.match(run.stderr, /cannot write runbook\.md: permission denied/)
  t.equal(statSync(dir.file).uid, 0, 'still owned by root')
  t.equal(readFileSync(dir.file, 'utf8'), before, 'unchanged')
})
