// The incident example: a real alert runbook (VirtControllerDown) against a stand-in kubectl that
// prints real kubectl formats. Captures parse them, a decision picks the branch, logs are kept.
import t from 'tap'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {makeTempRoot, repoDir} from '../helpers/examples.js'

const runbook = path.join(repoDir, 'examples/incident/VIRT_CONTROLLER_DOWN.md')

async function rehearse(t: {teardown(fn: () => unknown): void}, args: string[]) {
  const root = await makeTempRoot()
  t.teardown(root.cleanup)
  const out = path.join(root.dir, 'report.md')
  const evidence = path.join(root.dir, 'evidence')
  const result = await runCli(['run', runbook, '--reporter', 'plain', '--out', out, '--evidence', evidence, ...args], {cwd: repoDir, env: {TMPDIR: root.dir}})
  return {result, out, evidence}
}

t.test('only the controller is down: the pods are recreated and the logs kept', async (t) => {
  const {result, out, evidence} = await rehearse(t, ['--set', 'CLUSTER_DEGRADED=no', '--yes'])
  t.equal(result.code, 0, result.stdout + result.stderr)
  const report = await readFile(out, 'utf8')
  t.match(report, '| `open-support-case` | ⏭️ skipped (condition) |')
  t.match(report, '| `verify` | ✅ passed |')
  t.match(report, 'Are other alerts firing for nodes, memory or the API server? → no (CLUSTER_DEGRADED=no, CLUSTER_DEGRADED was given)')
  t.match(report, '- [incident/virt-controller-6c8b9d7f5b-4xk2p.log](evidence/steps/logs/artifacts/incident/virt-controller-6c8b9d7f5b-4xk2p.log)')
  t.match(report, 'virt-controller: 2 of 2 replicas ready')
  const manifest = JSON.parse(await readFile(path.join(evidence, 'manifest.json'), 'utf8'))
  const pods = manifest.steps.find((s: {id: string}) => s.id === 'logs')
  t.match(pods.artifacts, [{path: 'incident/virt-controller-6c8b9d7f5b-4xk2p.log', sha256: /^[0-9a-f]{64}$/}])
  const log = await readFile(path.join(evidence, 'steps/logs/artifacts/incident/virt-controller-6c8b9d7f5b-4xk2p.log'), 'utf8')
  t.match(log, '"component":"virt-controller"')
})

t.test('a wider outage: the support case is left to a person and nothing is deleted', async (t) => {
  const {result, out} = await rehearse(t, ['--set', 'CLUSTER_DEGRADED=yes'])
  t.equal(result.code, 0, result.stdout + result.stderr)
  t.match(result.stdout, '? open-support-case (manual')
  t.match(result.stdout, '- recreate-pods (skipped (condition)')
  t.match(result.stdout, '- verify (skipped (condition)')
  const report = await readFile(out, 'utf8')
  t.match(report, '<!-- runbook:output id=recreate-pods status=skipped')
})

t.test('without an answer and a terminal, nothing runs (exit 2)', async (t) => {
  const {result} = await rehearse(t, [])
  t.equal(result.code, 2)
  t.match(result.stderr, 'decision `cluster-degraded` (Are other alerts firing for nodes, memory or the API server?): set CLUSTER_DEGRADED=yes or CLUSTER_DEGRADED=no')
})
