import t, {type Test} from 'tap'
import {copyFileSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {repoPath} from '../helpers/paths.js'

const fixtures = repoPath('test/fixtures/parse/')

function workspace(t: Test, name: string): string {
  const dir = t.testdir({})
  copyFileSync(path.join(fixtures, name), path.join(dir, 'doc.md'))
  return dir
}

t.test('plan prints the run order as text by default', async (t) => {
  const result = await runCli(['plan', 'doc.md'], {cwd: workspace(t, 'release.md'), timeoutMs: 30_000})
  t.equal(result.code, 0)
  t.equal(result.stdout.split('\n')[0], '1.  build    shell  line 11  needs -              timeout=5m tags=ci')
  t.equal(result.stdout.split('\n').filter(Boolean).length, 6)
})

t.test('plan --format mermaid is a flowchart GitHub renders: ids, labels, edges', async (t) => {
  const result = await runCli(['plan', 'doc.md', '--format', 'mermaid'], {cwd: workspace(t, 'release.md'), timeoutMs: 30_000})
  t.equal(result.code, 0)
  const lines = result.stdout.split('\n')
  t.equal(lines[0], 'flowchart TD')
  t.ok(lines.includes('  n0["build<br/>shell · line 11"]'))
  t.ok(lines.includes('  n4[/"smoke<br/>check table · line 33"/]'))
  t.ok(lines.includes('  n0 --> n3'), 'build --> health')
  t.ok(lines.includes('  n2 --> n3'), 'migrate --> health')
  t.notOk(lines.some((line) => line.includes('--> n5')), 'cleanup is a root')
})

t.test('plan --format dot and json', async (t) => {
  const dir = workspace(t, 'release.md')
  const dot = await runCli(['plan', 'doc.md', '--format', 'dot'], {cwd: dir, timeoutMs: 30_000})
  t.equal(dot.code, 0)
  t.match(dot.stdout, /^digraph runbook \{\n/)
  t.match(dot.stdout, /"migrate" -> "health";/)
  const json = await runCli(['plan', 'doc.md', '--format', 'json'], {cwd: dir, timeoutMs: 30_000})
  t.equal(json.code, 0)
  const plan = JSON.parse(json.stdout) as {order: string[]; nodes: Array<{id: string; kind: string; needs: string[]}>}
  t.same(plan.order, ['build', 'db', 'migrate', 'health', 'smoke', 'cleanup'])
  t.same(plan.nodes.find((n) => n.id === 'smoke'), {id: 'smoke', kind: 'table', runner: 'http', line: 33, needs: ['health'], flags: ['rows=2', 'threshold=2/2']})
})

t.test('a cycle exits 2 naming every step in it', async (t) => {
  const result = await runCli(['plan', 'doc.md'], {cwd: workspace(t, 'cycle.md'), timeoutMs: 30_000})
  t.equal(result.code, 2)
  t.equal(result.stdout, '')
  t.match(result.stderr, 'doc.md:3:13: error: Dependency cycle: `a` needs `c` needs `b` needs `a` (steps in the cycle: a, c, b) [dependency-cycle]')
})

t.test('an unknown format is a usage error', async (t) => {
  const result = await runCli(['plan', 'doc.md', '--format', 'svg'], {cwd: workspace(t, 'release.md'), timeoutMs: 30_000})
  t.equal(result.code, 2)
  t.match(result.stderr, 'unknown format `svg` (expected one of: text, json, mermaid, dot)')
})

t.test('plan --help', async (t) => {
  const result = await runCli(['plan', '--help'], {timeoutMs: 30_000})
  t.equal(result.code, 0)
  t.match(result.stdout, /--format F/)
})
