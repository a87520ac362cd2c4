// The CLI keeps parsed trees of big documents in the OS cache folder (lib/parse/tree-cache.ts):
// a second run reads the tree back and answers the same; an edited document is never answered from
// an old tree; RUNBOOK_NO_CACHE turns it off.
import t, {type Test} from 'tap'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {sharedDir} from '../helpers/shared.js'

const fence = '```'
const steps = (n: number, word: string) =>
  Array.from({length: n}, (_, i) => [`## Step ${i + 1}`, '', `${fence}bash {#${word}-${i + 1}}`, `echo ${i + 1}`, fence, ''].join('\n')).join('\n')

function sandbox(t: Test) {
  const dir = mkdtempSync(path.join(tmpdir(), 'rb-tree-cli-'))
  t.teardown(() => rmSync(dir, {recursive: true, force: true}))
  const trees = () => (existsSync(path.join(dir, 'cache', 'runbook', 'trees')) ? readdirSync(path.join(dir, 'cache', 'runbook', 'trees')) : [])
  return {dir, env: {XDG_CACHE_HOME: path.join(dir, 'cache')}, trees}
}

t.test('a second run reads the tree back; an edit is parsed again', async (t) => {
  const box = sandbox(t)
  const file = path.join(box.dir, 'book.md')
  writeFileSync(file, `# Cached\n\n${steps(60, 'old')}`)
  const first = await runCli(['list', file], {env: box.env})
  t.equal(first.code, 0, first.stderr)
  t.equal(box.trees().length, 1, 'one tree stored')
  const second = await runCli(['list', file], {env: box.env})
  t.equal(second.stdout, first.stdout, 'the same answer from the stored tree')
  writeFileSync(file, readFileSync(file, 'utf8').replace('{#old-7}', '{#edited-7}'))
  const third = await runCli(['list', file], {env: box.env})
  t.match(third.stdout, /^edited-7 /m, 'the edit is seen')
  t.equal(box.trees().length, 2)
  const run = await runCli(['run', file, '--reporter', 'plain'], {env: box.env, cwd: box.dir})
  t.equal(run.code, 0, run.stderr)
  t.match(run.stdout, /60 passed/)
})

t.test('RUNBOOK_NO_CACHE: nothing is stored', async (t) => {
  const box = sandbox(t)
  const file = path.join(box.dir, 'book.md')
  writeFileSync(file, `# Not cached\n\n${steps(60, 'step')}`)
  const listed = await runCli(['list', file], {env: {...box.env, RUNBOOK_NO_CACHE: '1'}})
  t.equal(listed.code, 0, listed.stderr)
  t.same(box.trees(), [])
  t.notOk(existsSync(path.join(box.dir, 'cache', 'runbook')), 'no cache of any kind (code cache included)')
})

t.test('real documents: the same steps and lint findings from a stored tree', async (t) => {
  const box = sandbox(t)
  for (const name of ['DEPLOYMENT_RUNBOOK.md', 'STAGING_DRY_RUN_RUNBOOK.md']) {
    const file = path.join(sharedDir, 'seeds', name)
    const cold = [await runCli(['list', file, '--all'], {env: box.env}), await runCli(['lint', file], {env: box.env})]
    const warm = [await runCli(['list', file, '--all'], {env: box.env}), await runCli(['lint', file], {env: box.env})]
    t.same(warm.map((run) => [run.code, run.stdout, run.stderr]), cold.map((run) => [run.code, run.stdout, run.stderr]), name)
  }
  t.ok(box.trees().length >= 1, 'stored')
})
