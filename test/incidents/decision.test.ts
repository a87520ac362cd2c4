import t from 'tap'
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {runOnPty} from '../helpers/pty.js'
import {runbookDir, runJson} from '../helpers/run.js'

const fence = '```'
const alert = [
  '# Alert',
  '',
  `${fence}bash {#prepare}`,
  'touch prepared',
  `${fence}`,
  '',
  'Look at the alert in Alertmanager.',
  '',
  '<!-- runbook: #has-reason ask="Does the alert have a reason label?" -->',
  '',
  '## Mitigation',
  '',
  `${fence}bash {#mitigate if='[ "$HAS_REASON" = yes ]'}`,
  'echo "mitigating (HAS_REASON=$HAS_REASON)"',
  `${fence}`,
  '',
  '## Investigation',
  '',
  `${fence}bash {#investigate if='[ "$HAS_REASON" = no ]'}`,
  'echo investigating',
  `${fence}`,
  '',
  '<!-- runbook: #escalate manual -->',
  'Page the owning team if nothing above helped.',
  '',
  `${fence}bash {#close}`,
  'echo closed',
  `${fence}`,
  '',
].join('\n')

t.test('--interactive on a real terminal asks the decision y/N and the answer picks the branch', async (t) => {
  for (const [answer, ran, skipped] of [['y', 'mitigate', 'investigate'], ['n', 'investigate', 'mitigate']] as const) {
    const book = runbookDir(alert)
    t.teardown(book.cleanup)
    const out = path.join(book.dir, 'out.md')
    const run = await runOnPty(['run', book.file, '--interactive', '--reporter', 'plain', '--out', out], [{after: '[y/N]', type: `${answer}\r`}, {after: '[y/N]', type: 'y\r'}], {cwd: book.dir})
    t.equal(run.code, 0, run.output)
    t.match(run.output, 'Does the alert have a reason label? [y/N]')
    t.match(run.output, 'Manual step `escalate`')
    t.match(run.output, `✓ ${ran}`)
    t.match(run.output, `- ${skipped} (skipped (condition)`)
    const value = answer === 'y' ? 'yes' : 'no'
    t.match(readFileSync(out, 'utf8'), `Does the alert have a reason label? → ${value} (HAS_REASON=${value}, answered on the terminal)`)
  }
})

t.test('--set answers a decision without a terminal; a manual step in prose is reported and the run goes on', async (t) => {
  const book = runbookDir(alert)
  t.teardown(book.cleanup)
  const run = await runJson(book.file, ['--set', 'HAS_REASON=yes', '--write'])
  t.equal(run.code, 0, run.stdout + run.stderr)
  t.equal(run.results.get('has-reason')?.status, 'passed')
  t.equal(run.results.get('mitigate')?.stdout.text, 'mitigating (HAS_REASON=yes)\n')
  t.equal(run.results.get('investigate')?.status, 'skipped')
  t.equal(run.results.get('escalate')?.status, 'manual')
  t.equal(run.results.get('close')?.status, 'passed')
  const written = readFileSync(book.file, 'utf8')
  t.match(written, '<!-- runbook: #escalate manual -->\n<!-- runbook:output id=escalate status=manual')
  t.match(written, '**manual:** a manual step')
  t.match(written, '| `has-reason` | ✅ passed |')
  // Writing back again replaces the regions: one per step.
  const again = await runCli(['run', book.file, '--set', 'HAS_REASON=yes', '--write'], {cwd: book.dir})
  t.equal(again.code, 0, again.stderr)
  const twice = readFileSync(book.file, 'utf8')
  for (const id of ['has-reason', 'mitigate', 'investigate', 'escalate', 'close']) t.equal(twice.split(`runbook:output id=${id} `).length - 1, 1, id)
})

t.test('an unanswered decision without a terminal stops the run before anything runs (exit 2)', async (t) => {
  const book = runbookDir(alert)
  t.teardown(book.cleanup)
  const run = await runCli(['run', book.file], {cwd: book.dir})
  t.equal(run.code, 2)
  t.match(run.stderr, 'decision `has-reason` (Does the alert have a reason label?): set HAS_REASON=yes or HAS_REASON=no')
  t.notOk(existsSync(path.join(book.dir, 'prepared')), 'the first step did not run')
  const interactive = await runCli(['run', book.file, '--interactive'], {cwd: book.dir})
  t.equal(interactive.code, 2, 'no terminal to ask on')
  t.notOk(existsSync(path.join(book.dir, 'prepared')))
  const bad = await runCli(['run', book.file, '--set', 'HAS_REASON=maybe'], {cwd: book.dir})
  t.equal(bad.code, 2)
  t.match(bad.stderr, 'HAS_REASON=maybe: decision `has-reason` takes yes or no')
})

t.test('ask= on a fence is an error that says where a decision goes', async (t) => {
  const book = runbookDir('# X\n\n```bash {#a ask="Sure?"}\necho\n```\n')
  t.teardown(book.cleanup)
  const run = await runCli(['lint', book.file])
  t.equal(run.code, 1)
  t.match(run.stdout + run.stderr, /3:13 +error +`ask=` makes a decision in prose/)
})
