// kube targets get a private KUBECONFIG naming their context and namespace (the user's file stays
// byte-identical; a missing context fails before the step runs); exec targets pipe the script
// to a wrapper's stdin.
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import t from 'tap'
import {runCli} from '../helpers/cli.js'

const kubeconfig = [
  'apiVersion: v1',
  'kind: Config',
  'current-context: dev',
  'clusters:',
  '- name: dev-cluster',
  '  cluster: {server: "https://127.0.0.1:1"}',
  '- name: prod-cluster',
  '  cluster: {server: "https://127.0.0.1:2"}',
  'users:',
  '- name: someone',
  '  user: {token: not-a-real-token}',
  'contexts:',
  '- name: dev',
  '  context: {cluster: dev-cluster, user: someone, namespace: default}',
  '- name: prod',
  '  context: {cluster: prod-cluster, user: someone}',
  '',
].join('\n')

function setup(front: string, body: string): {dir: string; file: string; config: string} {
  const dir = mkdtempSync(path.join(tmpdir(), 'runbook-kube-'))
  const config = path.join(dir, 'kubeconfig')
  writeFileSync(config, kubeconfig)
  const file = path.join(dir, 'RUNBOOK.md')
  writeFileSync(file, `---\nrunbook:\n${front}---\n\n# Cluster\n\n${body}`)
  return {dir, file, config}
}

t.test('a kube step sees the named context and namespace; the user’s kubeconfig is untouched', async (t) => {
  const {file, config} = setup(
    '  targets:\n    hub:\n      kube: { context: prod, namespace: open-cluster-management }\n',
    '```bash {#where on=hub}\nkubectl config current-context\nkubectl config view --minify -o "jsonpath={..namespace}"; echo\nkubectl config use-context dev >/dev/null\n```\n\n```bash {#after}\nkubectl config current-context\n```\n',
  )
  const before = readFileSync(config)
  const run = await runCli(['run', file, '--reporter', 'json'], {env: {KUBECONFIG: config}})
  t.equal(run.code, 0, run.stdout + run.stderr)
  const ends = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as {type: string; stepId?: string; result?: {stdout: {head: string}; target?: string}}).filter((e) => e.type === 'step:end')
  const where = ends.find((e) => e.stepId === 'where')!.result!
  t.equal(where.stdout.head, 'prod\nopen-cluster-management\n')
  t.equal(where.target, 'hub')
  t.equal(ends.find((e) => e.stepId === 'after')!.result!.stdout.head, 'dev\n', 'a local step after it is back on the user’s own context')
  t.same(readFileSync(config), before, 'the user’s kubeconfig is byte-identical')
})

t.test('a missing kube context fails before the step runs, with a clear message', async (t) => {
  const {file, config, dir} = setup('  targets:\n    hub:\n      kube: { context: staging }\n', '```bash {#touch on=hub}\ntouch ran\n```\n')
  const run = await runCli(['run', file, '--reporter', 'plain'], {env: {KUBECONFIG: config}})
  t.equal(run.code, 1, run.stdout + run.stderr)
  t.match(run.stdout, /✗ touch — target `hub`: kube context `staging` does not exist in .*kubeconfig \(contexts there: dev, prod\)/)
  t.notOk(existsSync(path.join(dir, 'ran')), 'the step never ran')
})

t.test('an exec target pipes the script to the wrapper, inputs included, nothing in its argv', async (t) => {
  const {file} = setup(
    '  inputs:\n    GREETING: { default: hello }\n  targets:\n    box:\n      exec: [env, -i, WRAPPED=yes, sh, -s]\n',
    '```bash {#inside on=box}\necho "$GREETING from a wrapper (WRAPPED=$WRAPPED, HOME=${HOME:-unset})"\n```\n',
  )
  const run = await runCli(['run', file, '--reporter', 'plain'], {env: {}})
  t.equal(run.code, 0, run.stdout + run.stderr)
  t.match(run.stdout, /✓ inside@box/)
  const json = await runCli(['run', file, '--reporter', 'json'])
  t.match(json.stdout, /hello from a wrapper \(WRAPPED=yes, HOME=unset\)/)
})
