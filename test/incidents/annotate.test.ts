import t from 'tap'
import {copyFileSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {runbookDir} from '../helpers/run.js'
import {disallowedChange} from '../helpers/annotate-diff.mjs'
import {sharedDir} from '../helpers/shared.js'

const corpusDir = path.join(sharedDir, 'corpus')

const cnv = 'openshift__runbooks/alerts/openshift-virtualization-operator'

function listedRewrites(stderr: string): Array<{from: string; to: string}> {
  return [...stderr.matchAll(/:\d+: (<[^>]+>) → (\S+) \(input/g)].map((m) => ({from: m[1]!, to: m[2]!}))
}

t.test('annotate turns corpus runbooks into annotated ones, changing no other byte', async (t) => {
  for (const name of ['VirtControllerDown.md', 'NetworkAddonsConfigNotReady.md', 'VirtLauncherPodsStuckFailed.md']) {
    const file = path.join(corpusDir, cnv, name)
    const original = readFileSync(file, 'utf8')
    const run = await runCli(['annotate', file])
    t.equal(run.code, 0, run.stderr)
    t.equal(disallowedChange(original, run.stdout, listedRewrites(run.stderr), true), undefined, `${name}: only info strings, front matter, listed rewrites and {expect} bodies changed`)
    t.match(run.stdout, /```bash \{#diagnosis\}/)
  }
})

t.test('ids from headings, $ blocks as steps, placeholders as inputs, example output as {expect}, confirm and tty', async (t) => {
  const book = runbookDir(
    [
      '# PodsDown',
      '',
      '## Diagnosis',
      '',
      '1. Find the pod:',
      '',
      '   ```bash',
      '   $ kubectl -n <namespace> get pod <virt-controller-pod> -o name',
      '   ```',
      '',
      '   Example output:',
      '',
      '   ```text',
      '   pod/virt-controller-7d9f8c6b5d-x2x4q created 2024-03-01T10:00:00Z id 0f8e5c1a-2b3c-4d5e-8f90-112233445566',
      '   ```',
      '',
      '2. A table is left alone:',
      '',
      '   ```bash',
      "   $ kubectl get pods -l app=x -o jsonpath='{.items[0].metadata.name}=<pod-label>'",
      '   ```',
      '',
      '   ```',
      '   NAME                     READY   STATUS    AGE',
      '   x-7d9f8c6b5d-x2x4q       1/1     Running   5d',
      '   ```',
      '',
      '## Mitigation',
      '',
      '```bash',
      '$ kubectl delete pod <virt-controller-pod> -n <namespace>',
      '```',
      '',
      '```bash',
      '$ kubectl edit deployment virt-controller -n <namespace>',
      '```',
      '',
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const original = readFileSync(book.file, 'utf8')
  const run = await runCli(['annotate', book.file, '--write'], {cwd: book.dir})
  t.equal(run.code, 0, run.stderr)
  const text = readFileSync(book.file, 'utf8')
  t.match(text, /^---\nrunbook:\n  inputs:\n    NAMESPACE: \{ description: "what the runbook wrote as <namespace>", required: true \}\n    VIRT_CONTROLLER_POD: /)
  t.match(text, '   ```bash {#diagnosis}\n   $ kubectl -n ${NAMESPACE} get pod ${VIRT_CONTROLLER_POD} -o name')
  t.match(text, '   ```text {expect}\n   pod/virt-controller-<any> created <timestamp> id <uuid>\n   ```')
  t.match(text, `   $ kubectl get pods -l app=x -o jsonpath='{.items[0].metadata.name}='"\${POD_LABEL}"''`)
  t.match(text, '   ```\n   NAME                     READY', 'a column table stays illustration')
  t.match(text, '```bash {#mitigation confirm="This runs kubectl delete: go on?"}')
  t.match(text, '```bash {#mitigation-2 tty}')
  t.match(run.stderr, 'runbook.md:8: <namespace> → ${NAMESPACE} (input NAMESPACE)')
  t.match(run.stderr, 'runbook.md:8: <virt-controller-pod> → ${VIRT_CONTROLLER_POD} (input VIRT_CONTROLLER_POD)')
  t.match(run.stderr, 'decide: line 23: example output of `diagnosis-2` left as illustration')
  t.not(text, original)
  const lint = await runCli(['lint', book.file])
  t.equal(lint.code, 0, lint.stdout + lint.stderr)
  const dry = await runCli(['run', book.file, '--dry-run', '--reporter', 'plain', '--set', 'NAMESPACE=kubevirt', '--set', 'VIRT_CONTROLLER_POD=virt-controller-1', '--set', 'POD_LABEL=x'], {cwd: book.dir})
  t.equal(dry.code, 0, dry.stderr)
  t.match(dry.stdout, 'kubectl -n kubevirt get pod virt-controller-1 -o name')
})

t.test('annotate never runs anything and refuses a missing file with exit 2', async (t) => {
  const book = runbookDir('# X\n\n```bash\n$ touch ran\n```\n')
  t.teardown(book.cleanup)
  copyFileSync(book.file, path.join(book.dir, 'copy.md'))
  const run = await runCli(['annotate', 'copy.md'], {cwd: book.dir})
  t.equal(run.code, 0)
  t.match(run.stdout, '```bash {#x}\n$ touch ran')
  t.equal(readFileSync(path.join(book.dir, 'copy.md'), 'utf8'), '# X\n\n```bash\n$ touch ran\n```\n', 'without --write the file is unchanged')
  const missing = await runCli(['annotate', 'nope.md'], {cwd: book.dir})
  t.equal(missing.code, 2)
  t.match(missing.stderr, 'cannot read nope.md')
})

t.test('a cluster named in the prose becomes a kube target with its context as an input', async (t) => {
  const book = runbookDir(['# KlusterletDown', '', 'Run these on the hub cluster.', '', '```bash', '$ oc get managedcluster <cluster-name>', '```', ''].join('\n'))
  t.teardown(book.cleanup)
  const run = await runCli(['annotate', book.file, '--write'], {cwd: book.dir})
  t.equal(run.code, 0, run.stderr)
  const text = readFileSync(book.file, 'utf8')
  t.match(text, '  targets:\n    hub:\n      kube: { context: "${HUB_CONTEXT}" }\n')
  t.match(text, '    HUB_CONTEXT: { description: "kubectl context of the hub cluster", required: true }')
  t.match(text, '```bash {#klusterletdown on=hub}\n$ oc get managedcluster ${CLUSTER_NAME}')
  const lint = await runCli(['lint', book.file])
  t.equal(lint.code, 0, lint.stdout + lint.stderr)
})
