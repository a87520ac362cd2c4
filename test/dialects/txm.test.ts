import t, {type Test} from 'tap'
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {runbookDir} from '../helpers/run.js'
import {repoPath} from '../helpers/paths.js'

const fixtures = repoPath('test/fixtures/txm/')
const root = repoPath('/')

// Each step's id and status, from the JSON-lines reporter's `step:end` events.
function statuses(stdout: string): Array<[string, string]> {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as {type: string; result?: {id: string; status: string}})
    .filter((event) => event.type === 'step:end' && event.result)
    .map((event) => [event.result!.id, event.result!.status])
}

// txm 8 itself: a copy the benchmark set-up installed, else one installed now from the npm cache,
// once for this file (the folder goes when the file's tests end).
let installedTxm: string | undefined
const fileTap = t
function findTxm(t: Test): string {
  const known = [process.env['TXM_BIN'], path.join(root, 'bench/.work/node_modules/.bin/txm'), '/work/main/bench/.work/node_modules/.bin/txm']
  for (const candidate of known) if (candidate && existsSync(candidate)) return candidate
  if (installedTxm !== undefined) return installedTxm
  const dir = mkdtempSync(path.join(os.tmpdir(), 'txm-install-'))
  fileTap.teardown(() => rmSync(dir, {recursive: true, force: true}))
  const install = spawnSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--prefix', dir, 'txm@8'], {encoding: 'utf8'})
  const bin = path.join(dir, 'node_modules/.bin/txm')
  t.ok(existsSync(bin), `txm 8 installed for the comparison (npm: ${install.stderr.slice(-300)})`)
  installedTxm = bin
  return bin
}

t.test('a txm document passes under runbook and under txm 8', async (t) => {
  const file = path.join(fixtures, 'pass.md')
  const run = await runCli(['run', file, '--reporter', 'json'])
  t.equal(run.code, 0, run.stderr)
  t.same(statuses(run.stdout), [
    ['shout', 'passed'],
    ['both-streams', 'passed'],
    ['fails-on-purpose', 'passed'],
    ['arithmetic-holds', 'passed'],
    ['names', 'passed'],
  ])
  const txm = spawnSync(findTxm(t), [file], {encoding: 'utf8'})
  t.equal(txm.status, 0, txm.stdout)
  t.match(txm.stdout, /# 5\/5 passed/)
})

t.test('the failing variant fails the same tests under both tools', async (t) => {
  const file = path.join(fixtures, 'fail.md')
  const run = await runCli(['run', file, '--reporter', 'json'])
  t.equal(run.code, 1, run.stderr)
  const failed = statuses(run.stdout).filter(([, status]) => status === 'failed').map(([id]) => id)
  t.same(failed, ['shout', 'both-streams', 'fails-on-purpose'])
  const txm = spawnSync(findTxm(t), [file], {encoding: 'utf8'})
  t.equal(txm.status, 1)
  const txmFailed = [...txm.stdout.matchAll(/^not ok \d+ (.+?):/gm)].map((m) => m[1]!.toLowerCase().replace(/ /g, '-'))
  t.same(txmFailed, failed)
  const human = await runCli(['run', file])
  t.match(human.stdout, /shout — expected output did not match/)
  t.match(human.stdout, /fails-on-purpose — exit code 4 \(expected 3\)/)
})

t.test('output is compared byte for byte, as txm does: whitespace and line endings count', async (t) => {
  const file = path.join(fixtures, 'exact.md')
  const run = await runCli(['run', file, '--reporter', 'json'])
  t.equal(run.code, 1, run.stderr)
  const failed = statuses(run.stdout).filter(([, status]) => status === 'failed').map(([id]) => id)
  t.same(failed, ['trailing', 'noeol', 'blank', 'crlf'])
  const txm = spawnSync(findTxm(t), [file], {encoding: 'utf8'})
  t.match(txm.stdout, /# 0\/4 passed/)
  const human = await runCli(['run', file])
  t.match(human.stdout, /crlf — expected output did not match: output differs byte for byte \(whitespace or line endings\): expected "a\\n", got "a\\r\\n"/)
})

t.test('`!test only` skips every other test, as txm does', async (t) => {
  const source = readFileSync(path.join(fixtures, 'fail.md'), 'utf8').replace('<!-- !test check arithmetic holds -->', '<!-- !test only -->\n<!-- !test check arithmetic holds -->')
  const dir = runbookDir(source)
  t.teardown(dir.cleanup)
  const run = await runCli(['run', dir.file, '--reporter', 'json'], {cwd: dir.dir})
  t.equal(run.code, 0, run.stderr)
  t.same(statuses(run.stdout), [
    ['shout', 'skipped'],
    ['both-streams', 'skipped'],
    ['fails-on-purpose', 'skipped'],
    ['arithmetic-holds', 'passed'],
    ['names', 'skipped'],
  ])
  const txm = spawnSync(findTxm(t), [dir.file], {encoding: 'utf8'})
  t.equal(txm.status, 0)
  t.match(txm.stdout, /# OK, SKIPPED 4/)
})

t.test('a txm test without a program or output is a located error (exit 2)', async (t) => {
  const fence = '```'
  const dir = runbookDir(['# T', '', '<!-- !test in lonely -->', fence, 'x', fence, '', '<!-- !test out lonely -->', fence, 'x', fence, '', '<!-- !test program cat -->', '<!-- !test in mute -->', fence, 'y', fence, ''].join('\n'))
  t.teardown(dir.cleanup)
  const run = await runCli(['run', dir.file], {cwd: dir.dir})
  t.equal(run.code, 2)
  t.match(run.stderr, /:3:1.*txm test `lonely` has no `!test program` before it/)
  t.match(run.stderr, /:14:1.*txm test `mute` has no `out` or `err` block/)
})
