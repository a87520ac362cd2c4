// The staging dry run through the CLI: no guessing on inputs, the 10-row smoke table against the
// local stand-in with its 8/10 stop rule, the kubectl steps skipped, the evidence layout.
import t from 'tap'
import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {makeTempRoot, settledProcessesWith, manifestStatuses, freePort, repoDir} from '../helpers/examples.js'

const runbook = path.join(repoDir, 'examples/staging/STAGING_DRY_RUN.md')
const envFile = path.join(repoDir, 'examples/staging/local.env')

async function dryRun(env: Record<string, string> = {}) {
  const root = await makeTempRoot()
  const port = await freePort()
  const evidence = path.join(root.dir, 'evidence')
  const result = await runCli(['run', runbook, '--yes', '--reporter', 'plain', '--env-file', envFile,
    '--set', `STAGING_BASE_URL=http://127.0.0.1:${port}`, '--evidence', evidence], {cwd: repoDir, env, timeoutMs: 90_000})
  return {root, port, evidence, result}
}

t.test('missing required inputs stop the run before any step, with exit 2 and every name', {timeout: 30_000}, async (t) => {
  const root = await makeTempRoot()
  t.teardown(root.cleanup)
  const result = await runCli(['run', runbook, '--yes', '--evidence', path.join(root.dir, 'evidence')], {
    cwd: repoDir,
    env: {STAGING_CONTEXT: '', STAGING_NAMESPACE: '', STAGING_BASE_URL: ''},
    timeoutMs: 20_000,
  })
  t.equal(result.code, 2, `exit 2\n${result.stdout}\n${result.stderr}`)
  for (const name of ['STAGING_CONTEXT', 'STAGING_NAMESPACE', 'STAGING_BASE_URL']) t.match(result.stderr, name)
  t.match(result.stderr, /kubectl context name/, 'with its description')
  t.notMatch(result.stderr, /STAGING_API_KEY/, 'optional inputs are not demanded')
  await t.rejects(stat(path.join(root.dir, 'evidence', 'steps', 'preflight')), 'no step ran')
})

t.test('the dry run passes 10/10 against the stand-in and writes the evidence layout', {timeout: 120_000}, async (t) => {
  const {root, port, evidence, result} = await dryRun()
  t.teardown(root.cleanup)
  t.equal(result.code, 0, `exit 0\n${result.stdout}\n${result.stderr}`)
  const {ok, status} = await manifestStatuses(evidence)
  t.equal(ok, true)
  t.match(status, {preflight: 'passed', 'preflight-cluster': 'skipped', deploy: 'skipped', rollout: 'skipped', 'stand-in': 'passed', health: 'passed', readyz: 'passed'})
  t.match(await readFile(path.join(evidence, 'steps/preflight/cmd.txt'), 'utf8'), /kubectl version --client/)
  t.match(await readFile(path.join(evidence, 'steps/preflight/stdout.log'), 'utf8'), `base url: http://127.0.0.1:${port}`)
  const results = await readFile(path.join(evidence, 'results.json'), 'utf8')
  for (const endpoint of ['/health', '/readyz', '/.well-known/openapi.json', '/llms.txt', '/api-docs', '/redoc', '/metrics', '/pricing/ssot.json', '/docs/quickstart.md', '/v1/runs']) {
    t.match(results, endpoint, `results.json has ${endpoint}`)
  }
  const report = await readFile(path.join(evidence, 'report.md'), 'utf8')
  t.match(report, /\| 10 \| GET \| \/v1\/runs \| 401 or 200 \|[^\n]*✅ 401/, 'the table gains a Result column')
  t.match(report, /- \[x\] \[`\/health` returns/)
  t.match(report, /- \[ \] `kubectl rollout status` exits 0/, 'skipped kubectl steps tick nothing')
  t.same(await settledProcessesWith(`127.0.0.1:${port}`), [], 'the stand-in server is stopped')
})

t.test('two failing endpoints still pass the 8/10 stop rule; three stop the run with exit 1', {timeout: 180_000}, async (t) => {
  const two = await dryRun({STAND_IN_FAIL: '/metrics,/redoc'})
  t.teardown(two.root.cleanup)
  t.equal(two.result.code, 0, `8/10 passes\n${two.result.stdout}\n${two.result.stderr}`)
  const twoReport = await readFile(path.join(two.evidence, 'report.md'), 'utf8')
  t.match(twoReport, /\| \/metrics \| 200 \|[^\n]*❌ 503/, 'a failing row is marked ❌ even when the group passes')
  t.match(twoReport, /\| \/redoc \|[^\n]*❌ 503/)
  t.equal(twoReport.match(/✅ \d{3}/g)?.length, 8, 'the other eight rows are marked ✅')
  t.equal(twoReport.match(/❌ \d{3}/g)?.length, 2, 'exactly two rows are marked ❌')
  const three = await dryRun({STAND_IN_FAIL: '/metrics,/redoc,/llms.txt'})
  t.teardown(three.root.cleanup)
  t.equal(three.result.code, 1, `7/10 fails\n${three.result.stdout}\n${three.result.stderr}`)
  t.match(three.result.stdout + three.result.stderr, /smoke/)
  const report = await readFile(path.join(three.evidence, 'report.md'), 'utf8')
  t.match(report, /\| \/metrics \| 200 \|[^\n]*❌ 503/)
})
