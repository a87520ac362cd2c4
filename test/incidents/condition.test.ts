import t from 'tap'
import {existsSync, mkdirSync, readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {runbookDir, runJson} from '../helpers/run.js'

const fence = '```'
// The condition prints a line made at run time: it must never reach a report, the evidence or the document.
const conditionOutput = 'COND-OUT-$((40 + 2))'

const branching = [
  '# Branch',
  '',
  `${fence}bash {#look capture="REASON=regex:reason=(\\S*)"}`,
  'echo "reason=$ALERT_REASON"',
  'export ZONE=east',
  'mkdir -p work && cd work',
  `${fence}`,
  '',
  '## Mitigation when there is a reason',
  '',
  `${fence}bash {#mitigate if='echo ${conditionOutput}; echo ${conditionOutput} >&2; [ -n "$REASON" ] && [ "$ZONE" = east ] && [ "$(basename "$PWD")" = work ]'}`,
  'echo "mitigating $REASON"',
  `${fence}`,
  '',
  `${fence}bash {#report needs=mitigate}`,
  'echo "look=$RUNBOOK_STATUS_LOOK mitigate=$RUNBOOK_STATUS_MITIGATE"',
  `${fence}`,
  '',
].join('\n')

t.test('a false condition: skipped (condition) everywhere, dependants still run, statuses visible, condition output dropped', async (t) => {
  const book = runbookDir(branching)
  t.teardown(book.cleanup)
  mkdirSync(path.join(book.dir, 'work'))
  const evidence = path.join(book.dir, 'ev')
  const out = path.join(book.dir, 'out.md')
  const env = {ALERT_REASON: ''}
  const json = await runJson(book.file, ['--evidence', evidence, '--out', out], {env})
  t.equal(json.code, 0, json.stdout + json.stderr)
  t.equal(json.results.get('mitigate')?.status, 'skipped')
  t.same(json.results.get('mitigate')?.condition, {text: `echo ${conditionOutput}; echo ${conditionOutput} >&2; [ -n "$REASON" ] && [ "$ZONE" = east ] && [ "$(basename "$PWD")" = work ]`, met: false})
  t.equal(json.results.get('report')?.stdout.text, 'look=passed mitigate=skipped\n')
  const written = readFileSync(out, 'utf8')
  t.match(written, /\| `mitigate` \| ⏭️ skipped \(condition\) \|/)
  t.match(written, /<!-- runbook:output id=mitigate status=skipped [^>]*-->\n\*\*skipped \(condition\):\*\* `echo COND-OUT-\$\(\(40 \+ 2\)\);[^`]*` was false \(exit 1\)\n<!-- \/runbook:output -->/)
  const manifest = JSON.parse(readFileSync(path.join(evidence, 'manifest.json'), 'utf8'))
  const mitigate = manifest.steps.find((s: {id: string}) => s.id === 'mitigate')
  t.equal(mitigate.status, 'skipped')
  t.equal(mitigate.condition.met, false)

  const plain = await runCli(['run', book.file, '--reporter', 'plain'], {env})
  t.match(plain.stdout, /- mitigate \(skipped \(condition\): `echo COND-OUT/)
  const tap = await runCli(['run', book.file, '--reporter', 'tap'], {env})
  t.match(tap.stdout, /ok 2 - mitigate # SKIP skipped \(condition\)/)
  const junit = await runCli(['run', book.file, '--reporter', 'junit'], {env})
  t.match(junit.stdout, /<testcase name="mitigate"[^>]*>\s*<skipped message="skipped \(condition\)/)
  const walk = (dir: string): string[] => readdirSync(dir, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
  for (const text of [json.stdout, json.stderr, plain.stdout, tap.stdout, junit.stdout, written, ...walk(evidence).map((f) => readFileSync(f, 'utf8'))]) {
    t.notMatch(text, 'COND-OUT-42')
  }
})

t.test('a true condition runs the step, evaluated in the state the earlier steps left', async (t) => {
  const book = runbookDir(branching)
  t.teardown(book.cleanup)
  mkdirSync(path.join(book.dir, 'work'))
  const run = await runJson(book.file, [], {env: {ALERT_REASON: 'NodeDown'}})
  t.equal(run.code, 0, run.stdout + run.stderr)
  t.equal(run.results.get('mitigate')?.status, 'passed')
  t.equal(run.results.get('mitigate')?.stdout.text, 'mitigating NodeDown\n')
  t.equal(run.results.get('report')?.stdout.text, 'look=passed mitigate=passed\n')
  t.notMatch(run.stdout, 'COND-OUT-42')
})

t.test('--dry-run shows the condition without evaluating it', async (t) => {
  const book = runbookDir(['# Dry', '', `${fence}bash {#x if="touch evaluated && true"}`, 'echo x', `${fence}`, ''].join('\n'))
  t.teardown(book.cleanup)
  const run = await runCli(['run', book.file, '--dry-run', '--reporter', 'plain'], {cwd: book.dir})
  t.equal(run.code, 0, run.stderr)
  t.match(run.stdout, 'x (only if `touch evaluated && true`, not evaluated):')
  t.notOk(existsSync(path.join(book.dir, 'evaluated')))
})
