import t from 'tap'
import {spawnSync} from 'node:child_process'
import {copyFileSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {runbookDir} from '../helpers/run.js'

const stale = [
  'A cram test.',
  '',
  '  $ echo hello',
  '  goodbye',
  '  $ printf "a\\nb\\nc\\n"',
  '  a',
  '  x',
  '  c',
  '  $ echo same',
  '  same',
  '  $ false',
  '',
  'More prose.',
  '',
  "  $ printf '%s\\n' 'glob a\\b' 'star*'",
  '  glob a\\b (glob)',
  '  star\\* (glob)',
  '  $ echo new',
  '',
].join('\n')

const blessed = [
  'A cram test.',
  '',
  '  $ echo hello',
  '  hello',
  '  $ printf "a\\nb\\nc\\n"',
  '  a',
  '  b',
  '  c',
  '  $ echo same',
  '  same',
  '  $ false',
  '  [1]',
  '',
  'More prose.',
  '',
  "  $ printf '%s\\n' 'glob a\\b' 'star*'",
  '  glob a\\b (glob)',
  '  star\\* (glob)',
  '  $ echo new',
  '  new',
  '',
].join('\n')

t.test('runbook run tests/cli.t runs a cram file and --update rewrites only the failing lines', async (t) => {
  const dir = runbookDir('# unused\n')
  t.teardown(dir.cleanup)
  const file = path.join(dir.dir, 'cli.t')
  writeFileSync(file, stale)
  const failing = await runCli(['run', 'cli.t', '--reporter', 'plain'], {cwd: dir.dir})
  t.equal(failing.code, 1, 'stale expectations fail')
  t.match(failing.stdout, /expected "goodbye"/)
  const update = await runCli(['run', 'cli.t', '--update', '--reporter', 'plain'], {cwd: dir.dir})
  t.equal(update.code, 1, 'the run that blesses still reports the failures')
  t.equal(readFileSync(file, 'utf8'), blessed, 'as cram -i would write it')
  const again = await runCli(['run', 'cli.t', '--reporter', 'plain'], {cwd: dir.dir})
  t.equal(again.code, 0, again.stdout)
})

t.test('cram itself agrees, when it is installed', async (t) => {
  const cram = ['cram3', 'cram'].find((name) => spawnSync(name, ['--version']).status === 0)
  // In CI a missing tool must fail, not skip: .ci/run installs python3-cram.
  if (!cram) return void t.fail('cram is not installed (apt install python3-cram)')
  const dir = runbookDir('# unused\n')
  t.teardown(dir.cleanup)
  const file = path.join(dir.dir, 'cli.t')
  writeFileSync(file, stale)
  spawnSync(cram, ['-i', '-y', 'cli.t'], {cwd: dir.dir}) // cram's patch step wants a relative name
  t.equal(readFileSync(file, 'utf8'), blessed, `${cram} -i writes the same file`)
  copyFileSync(file, path.join(dir.dir, 'passing.t'))
  t.equal(spawnSync(cram, ['passing.t'], {cwd: dir.dir}).status, 0, `${cram} passes the blessed file`)
})
