// With --jobs N, the files that took longest in the last many-file run start first
// (lib/cli/file-durations.ts); a file new to the cache starts before the known ones;
// the durations are remembered in the OS cache folder, not with RUNBOOK_NO_CACHE.
import t from 'tap'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../../helpers/cli.js'
import {book, tree} from '../../helpers/many-files.js'

// Four runbooks whose one step appends its file's name to a shared log as it starts.
function fourBooks(log: string): Record<string, string> {
  return Object.fromEntries(['a', 'b', 'c', 'd'].map((name) => [`docs/${name}.md`, book(name, {[`step-${name}`]: `echo ${name} >> "${log}"`})]))
}

t.test('--jobs 2 starts the slowest files of the last run first, and remembers this run', async (t) => {
  const cache = t.testdir()
  const repo = tree({})
  t.teardown(repo.cleanup)
  const log = path.join(repo.dir, 'order.log')
  const files = fourBooks(log)
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(repo.dir, name)), {recursive: true})
    writeFileSync(path.join(repo.dir, name), text)
  }
  // What the last run measured: d and c were slow, b less, a quick.
  const known = (name: string, ms: number) => [path.join(repo.dir, 'docs', `${name}.md`), {ms, at: Date.now()}]
  mkdirSync(path.join(cache, 'runbook'), {recursive: true, mode: 0o700})
  writeFileSync(path.join(cache, 'runbook', 'durations.json'), JSON.stringify(Object.fromEntries([known('a', 10), known('b', 3000), known('c', 4000), known('d', 5000)])))
  const run = await runCli(['run', 'docs', '--jobs', '2', '--reporter', 'plain'], {cwd: repo.dir, env: {XDG_CACHE_HOME: cache}})
  t.equal(run.code, 0, run.stderr)
  const started = readFileSync(log, 'utf8').trim().split('\n')
  // a and b can only start once d or c has finished its whole run: the first two are d and c.
  t.same(started.slice(0, 2).sort(), ['c', 'd'], 'the two slowest started first')
  t.same(started.slice().sort(), ['a', 'b', 'c', 'd'], 'every file ran')
  t.ok(['a', 'b', 'c', 'd'].every((name) => run.stdout.includes(`✓ docs/${name}.md`)), 'the report has every file')
  const saved = JSON.parse(readFileSync(path.join(cache, 'runbook', 'durations.json'), 'utf8')) as Record<string, {ms: number}>
  t.ok(['a', 'b', 'c', 'd'].every((name) => typeof saved[path.join(repo.dir, 'docs', `${name}.md`)]?.ms === 'number'), 'this run\'s durations were saved')
  t.ok(saved[path.join(repo.dir, 'docs', 'd.md')]!.ms < 5000, 'replacing the old ones')
})

t.test('files new to the cache start first, in document order; RUNBOOK_NO_CACHE keeps nothing', async (t) => {
  const cache = t.testdir()
  const repo = tree({})
  t.teardown(repo.cleanup)
  const log = path.join(repo.dir, 'order.log')
  for (const [name, text] of Object.entries(fourBooks(log))) {
    mkdirSync(path.dirname(path.join(repo.dir, name)), {recursive: true})
    writeFileSync(path.join(repo.dir, name), text)
  }
  mkdirSync(path.join(cache, 'runbook'), {recursive: true, mode: 0o700})
  // Only a and b are known (both slow); c and d are new.
  writeFileSync(path.join(cache, 'runbook', 'durations.json'), JSON.stringify({[path.join(repo.dir, 'docs', 'a.md')]: {ms: 9000, at: 1}, [path.join(repo.dir, 'docs', 'b.md')]: {ms: 8000, at: 1}}))
  const run = await runCli(['run', 'docs', '--jobs', '2', '--reporter', 'plain'], {cwd: repo.dir, env: {XDG_CACHE_HOME: cache}})
  t.equal(run.code, 0, run.stderr)
  t.same(readFileSync(log, 'utf8').trim().split('\n').slice(0, 2).sort(), ['c', 'd'], 'the unknown files started first')
  const off = t.testdir()
  const quiet = await runCli(['run', 'docs', '--jobs', '2', '--reporter', 'plain'], {cwd: repo.dir, env: {XDG_CACHE_HOME: off, RUNBOOK_NO_CACHE: '1'}})
  t.equal(quiet.code, 0, quiet.stderr)
  t.notOk(existsSync(path.join(off, 'runbook', 'durations.json')), 'nothing kept with RUNBOOK_NO_CACHE')
})
