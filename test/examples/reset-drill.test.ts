// The reset drill through the CLI: the data is destroyed only when confirmed, rebuilt from the
// migrations, and the sandbox is torn down either way.
import t from 'tap'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {makeTempRoot, settledProcessesWith, manifestStatuses, repoDir} from '../helpers/examples.js'

const runbook = path.join(repoDir, 'examples/sandbox/RESET_DRILL.md')

async function drill(args: string[]) {
  const root = await makeTempRoot()
  const out = path.join(root.dir, 'report.md')
  const evidence = path.join(root.dir, 'evidence')
  const result = await runCli(['run', runbook, '--reporter', 'plain', '--out', out, '--evidence', evidence, ...args], {
    cwd: repoDir,
    env: {TMPDIR: root.dir},
    timeoutMs: 150_000,
  })
  return {root, out, evidence, result}
}

t.test('with --yes the drill destroys and rebuilds the database, records the time and cleans up', {timeout: 180_000}, async (t) => {
  const {root, out, evidence, result} = await drill(['--yes'])
  t.teardown(root.cleanup)
  t.equal(result.code, 0, `exit 0\n${result.stdout}\n${result.stderr}`)
  const report = await readFile(out, 'utf8')
  t.match(report, /- \[x\] All 7 steps completed successfully/)
  t.match(report, /- \[x\] \[Database tables recreated correctly\]/)
  t.match(report, /<!-- runbook:output id=time-taken status=passed[^]*?Time taken: \d+m \d+s/, 'the time taken is in the report')
  t.match(report, /<!-- runbook:output id=tables-after-reset status=passed[^]*?policies: 0/, 'the stored policy is gone')
  const {ok} = await manifestStatuses(evidence)
  t.equal(ok, true)
  t.same(await settledProcessesWith(root.dir), [], 'no PostgreSQL or app process is left')
})

t.test('without --yes and without a terminal the destructive step refuses and the drill stops there', {timeout: 180_000}, async (t) => {
  const {root, evidence, result} = await drill([])
  t.teardown(root.cleanup)
  t.equal(result.code, 1, `exit 1\n${result.stdout}\n${result.stderr}`)
  const {status} = await manifestStatuses(evidence)
  t.match(status, {'stop-all': 'passed', 'remove-data': 'failed', 'verify-clean': 'not-run', teardown: 'passed'})
  t.match(result.stdout + result.stderr, /--yes/, 'the message says what to pass')
  t.same(await settledProcessesWith(root.dir), [], 'no PostgreSQL or app process is left')
})
