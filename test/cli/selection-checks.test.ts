// Selections that say so: an unknown tag stops the run, a tagged step missing its needs is named,
// and `--set` of a name the runbook does not declare is warned about.
import t from 'tap'
import {runbookDir, runJson} from '../helpers/run.js'
import {runCli} from '../helpers/cli.js'

const fence = '```'
const doc = [
  '---',
  'runbook:',
  '  inputs:',
  '    REGION: {default: eu}',
  '---',
  '',
  `${fence}bash {#prepare}`,
  'export IMAGE=app:1',
  'touch prepared',
  fence,
  '',
  `${fence}bash {#deploy tag=deploy}`,
  'echo "deploying ${IMAGE:-nothing}"',
  fence,
  '',
  `${fence}bash {#report tag=deploy,report needs=}`,
  'echo report',
  fence,
  '',
].join('\n')

t.test('--tag naming no tag of the runbook exits 2 before any step, with a suggestion', async (t) => {
  const book = runbookDir(doc)
  t.teardown(book.cleanup)
  const run = await runCli(['run', book.file, '--tag', 'deplyo'], {cwd: book.dir})
  t.equal(run.code, 2, run.stderr)
  t.match(run.stderr, /--tag: no step is tagged `deplyo` \(did you mean `deploy`\?\); tags: deploy, report/)
  t.notMatch(run.stdout, /prepare|deploying/)
})

t.test('--tag warns by name when a tagged step needs a step it leaves out', async (t) => {
  const book = runbookDir(doc)
  t.teardown(book.cleanup)
  const run = await runJson(book.file, ['--tag', 'deploy'])
  t.equal(run.code, 0, run.stderr)
  const warnings = run.events.filter((e) => e.type === 'warning')
  t.same(
    warnings.map((w) => w.stepId),
    ['deploy'],
    'only deploy: report says needs= (nothing)',
  )
  t.match(warnings[0]!.message, /needs `prepare`, which is not selected.*--target deploy/)
  t.equal(run.results.get('prepare')?.status, 'skipped')
  const plain = await runCli(['run', book.file, '--tag', 'deploy', '--reporter', 'plain'], {cwd: book.dir})
  t.match(plain.stdout, /! deploy: --tag deploy: needs `prepare`/)
})

t.test('--set of an undeclared name warns, with a suggestion, and still passes the value', async (t) => {
  const book = runbookDir(doc)
  t.teardown(book.cleanup)
  const run = await runCli(['run', book.file, '--set', 'REGOIN=us', '--set', 'REGION=us', '--reporter', 'plain'], {cwd: book.dir})
  t.equal(run.code, 0, run.stderr)
  t.match(run.stderr, 'runbook: warning: --set REGOIN: `REGOIN` is not an input of this runbook (did you mean `REGION`?)')
  t.notMatch(run.stderr, /--set REGION:/, 'a declared input is not warned about')
})
