// The D0 rehearsal through the CLI: real PostgreSQL, the real app, the real tool; it passes,
// ticks its criteria, and leaves nothing running. Broken on purpose, it fails at the right step.
import t from 'tap'
import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {makeTempRoot, settledProcessesWith, manifestStatuses, repoDir} from '../helpers/examples.js'

const runbook = path.join(repoDir, 'examples/sandbox/D0_REHEARSAL.md')

async function rehearse(env: Record<string, string> = {}) {
  const root = await makeTempRoot()
  const out = path.join(root.dir, 'report.md')
  const evidence = path.join(root.dir, 'evidence')
  const result = await runCli(['run', runbook, '--yes', '--reporter', 'plain', '--out', out, '--evidence', evidence], {
    cwd: repoDir,
    env: {TMPDIR: root.dir, ...env},
    timeoutMs: 150_000,
  })
  return {root, out, evidence, result}
}

t.test('the rehearsal passes end to end, ticks its criteria and leaves no process behind', {timeout: 180_000}, async (t) => {
  const {root, out, evidence, result} = await rehearse()
  t.teardown(root.cleanup)
  t.equal(result.code, 0, `exit 0\n${result.stdout}\n${result.stderr}`)
  const report = await readFile(out, 'utf8')
  for (const criterion of [
    'All 8 steps completed successfully', 'PostgreSQL started and ready', 'Application started and healthy',
    'RBAC deny returns 403 with canonical error envelope', 'Create policy returns 201',
    'Duplicate policy returns 409', 'All responses include `request_id`', 'No errors in application logs',
  ]) t.match(report, new RegExp(`- \\[x\\] \\[?${criterion.replace(/[()[\]`]/g, '.')}`), `ticked: ${criterion}`)
  t.match(report, /- \[ \] Full terminal outputs captured/, 'criteria that refer to no step are left alone')
  t.match(report, /<!-- runbook:output id=tables status=passed[^]*?public \| schema_version \| table \| qgp_user/, 'the \\dt output is written back')
  const {ok, status} = await manifestStatuses(evidence)
  t.equal(ok, true)
  t.match(status, {cleanup: 'passed', 'start-app': 'passed', 'wait-app': 'passed', 'policy-409': 'passed', teardown: 'passed'})
  t.same(await settledProcessesWith(root.dir), [], 'no PostgreSQL or app process is left')
  t.same((await readdir(root.dir)).filter((name) => name.startsWith('qgp-sandbox.')), [], 'the sandbox folder is removed')
})

t.test('with /readyz broken the rehearsal fails at "wait until ready" with exit 1 and still tears down', {timeout: 180_000}, async (t) => {
  const {root, out, evidence, result} = await rehearse({SANDBOX_BREAK_READYZ: '1'})
  t.teardown(root.cleanup)
  t.equal(result.code, 1, `exit 1\n${result.stdout}\n${result.stderr}`)
  const {ok, status} = await manifestStatuses(evidence)
  t.equal(ok, false)
  t.match(status, {migrate: 'passed', 'start-app': 'passed', 'wait-app': 'failed', healthz: 'not-run', 'policy-201': 'not-run', teardown: 'passed'})
  t.match(result.stdout + result.stderr, /wait-app[^\n]*exit code 22/, 'the report names the failed step and its exit code')
  t.match(result.stdout + result.stderr, /expected "ready", got "not_ready"/, 'and shows what /readyz answered')
  const report = await readFile(out, 'utf8')
  t.match(report, /- \[ \] Application started and healthy/)
  t.match(report, /- \[x\] PostgreSQL started and ready/, 'what passed before the failure is still ticked')
  t.same(await settledProcessesWith(root.dir), [], 'no PostgreSQL or app process is left')
})
