// The annotated production runbook: no Docker here, so it is checked without running anything:
// its step graph, its inputs, the resolved commands of a dry run, and lint.
import t from 'tap'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {readRunbook} from '../../lib/parse/index.js'
import {repoDir} from '../helpers/examples.js'

const runbook = 'examples/deployment/DEPLOYMENT_RUNBOOK.md'
const inputs = ['--set', 'REGISTRY=ghcr.io/acme', '--set', 'VERSION=1.4.0']

t.test('plan shows the deploy chain, with rollbacks and maintenance as separate nodes', async (t) => {
  const result = await runCli(['plan', runbook, '--format', 'json'], {cwd: repoDir})
  t.equal(result.code, 0, result.stderr)
  const plan = JSON.parse(result.stdout) as {nodes: Array<{id: string; needs: string[]}>}
  const needs = Object.fromEntries(plan.nodes.map((node) => [node.id, node.needs]))
  const chain = ['check-env-file', 'build', 'push', 'migrate', 'verify-migration', 'start-app', 'verify-health', 'non-root']
  t.same(needs['check-env-file'], [], 'the deploy starts from nothing')
  for (let index = 1; index < chain.length; index++) t.same(needs[chain[index]!], [chain[index - 1]], `${chain[index]} needs ${chain[index - 1]}`)
  for (const id of ['rollback-failed-migration', 'rollback-failed-deployment', 'rollback-restore-backup', 'update', 'prune']) {
    t.same(needs[id], [], `${id} stands alone`)
  }
})

t.test('list marks every destructive on-demand step as skipped and confirmed', async (t) => {
  const result = await runCli(['list', runbook], {cwd: repoDir})
  t.equal(result.code, 0, result.stderr)
  for (const id of ['sandbox-down-volumes', 'rollback-failed-migration', 'rollback-failed-deployment', 'rollback-restore-backup', 'restore-backup', 'update', 'prune']) {
    t.match(result.stdout, new RegExp(`^${id} .*skip confirm`, 'm'), id)
  }
})

t.test('a run without the registry and version stops with exit 2 and names them', async (t) => {
  const result = await runCli(['run', runbook, '--dry-run'], {cwd: repoDir, env: {REGISTRY: '', VERSION: ''}})
  t.equal(result.code, 2, result.stdout + result.stderr)
  t.match(result.stderr, /REGISTRY/)
  t.match(result.stderr, /VERSION/)
})

t.test('--dry-run resolves the deploy commands with the inputs and runs nothing', async (t) => {
  const result = await runCli(['run', runbook, '--dry-run', '--tag', 'deploy', '--reporter', 'json', ...inputs], {cwd: repoDir})
  t.equal(result.code, 0, result.stdout + result.stderr)
  const ends = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as {type: string; stepId?: string; result?: {status: string; command?: string}})
    .filter((event) => event.type === 'step:end')
  const byId = Object.fromEntries(ends.map((event) => [event.stepId, event.result!]))
  t.match(byId['build'], {status: 'not-run', command: 'docker build -t quality-governance-platform:latest .'})
  t.match(byId['push'], {status: 'not-run', command: /docker push "ghcr\.io\/acme\/quality-governance-platform:1\.4\.0"/})
  t.match(byId['verify-health'], {status: 'not-run', command: 'curl -f "http://localhost:8000/healthz"'}, 'input defaults are resolved too')
  for (const id of ['rollback-failed-deployment', 'prune', 'update']) t.equal(byId[id]?.status, 'skipped', `${id} is skipped`)
})

t.test('the annotated runbook lints clean', async (t) => {
  const result = await runCli(['lint', runbook, '--format', 'json'], {cwd: repoDir})
  t.equal(result.code, 0, result.stdout + result.stderr)
  t.same(JSON.parse(result.stdout), [], 'no finding, not even a warning')
})

t.test('every example, the README and the release runbook lint clean', async (t) => {
  const files = ['examples/sandbox/D0_REHEARSAL.md', 'examples/sandbox/RESET_DRILL.md', 'examples/staging/STAGING_DRY_RUN.md', 'README.md', 'runbooks/RELEASE.md']
  const result = await runCli(['lint', ...files, '--format', 'json'], {cwd: repoDir})
  t.equal(result.code, 0, result.stdout + result.stderr)
  t.same(JSON.parse(result.stdout), [], 'no finding')
})

t.test('the examples parse without diagnostics', async (t) => {
  for (const file of ['examples/sandbox/D0_REHEARSAL.md', 'examples/sandbox/RESET_DRILL.md', 'examples/staging/STAGING_DRY_RUN.md', runbook, 'README.md', 'runbooks/RELEASE.md']) {
    const parsed = await readRunbook(path.join(repoDir, file))
    t.same(parsed.diagnostics.map((diagnostic) => diagnostic.message), [], `${file} has no diagnostics`)
    t.ok(parsed.steps.length > 0, `${file} has steps`)
  }
})

t.test('the steps that act on the running stack run on the server target; build and push stay here', async (t) => {
  const result = await runCli(['plan', runbook, '--format', 'json'], {cwd: repoDir})
  t.equal(result.code, 0, result.stderr)
  const plan = JSON.parse(result.stdout) as {nodes: Array<{id: string; flags: string[]}>}
  const flags = Object.fromEntries(plan.nodes.map((node) => [node.id, node.flags]))
  for (const id of ['check-env-file', 'migrate', 'verify-migration', 'start-app', 'verify-health', 'non-root']) t.ok(flags[id]!.includes('on=server'), `${id} runs on the server`)
  for (const id of ['rollback-failed-migration', 'rollback-failed-deployment', 'rollback-restore-backup']) t.ok(flags[id]!.includes('on=server'), `${id} takes on=server from the section's defaults`)
  for (const id of ['build', 'push', 'logs']) t.notOk(flags[id]!.some((flag) => flag.startsWith('on=')), `${id} runs where the runbook is run`)
})
