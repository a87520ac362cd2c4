import t, {type Test} from 'tap'
import {copyFileSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {sharedDir} from '../helpers/shared.js'
import {repoPath} from '../helpers/paths.js'

const fixtures = repoPath('test/fixtures/parse/')

function workspace(t: Test, name: string): string {
  const dir = t.testdir({})
  copyFileSync(path.join(fixtures, name), path.join(dir, 'doc.md'))
  return dir
}

t.test('list prints one step a line: id, runner, line, needs, flags', async (t) => {
  const result = await runCli(['list', 'doc.md'], {cwd: workspace(t, 'release.md'), timeoutMs: 30_000})
  t.equal(result.stderr, '')
  t.equal(result.code, 0)
  t.equal(result.stdout, [
    'build    shell  line 11  needs -              timeout=5m tags=ci',
    'db       shell  line 17  needs build',
    'migrate  shell  line 22  needs db             retries=30',
    'health   http   line 28  needs build,migrate',
    'smoke    table  line 33  needs health         rows=2 threshold=2/2',
    'cleanup  shell  line 38  needs -              always',
    '',
  ].join('\n'))
})

t.test('a typo\'d attribute exits 2 with file:line:column, the key and the suggestion', async (t) => {
  const result = await runCli(['list', 'doc.md'], {cwd: workspace(t, 'typo.md'), timeoutMs: 30_000})
  t.equal(result.code, 2)
  t.equal(result.stdout, '')
  t.equal(result.stderr, 'doc.md:7:14: error: Unknown attribute `timout` (did you mean `timeout`?) [invalid-annotation]\nrunbook: doc.md is not a valid runbook: 1 error\n')
})

t.test('list --all lists every shell block of an unannotated runbook', async (t) => {
  const dir = t.testdir({'doc.md': '# Setup\n\n```bash\nmake\n```\n\n## Test\n\n```sh\nmake test\n```\n\n```yaml\nx: 1\n```\n'})
  const plain = await runCli(['list', 'doc.md'], {cwd: dir, timeoutMs: 30_000})
  t.equal(plain.code, 0)
  t.equal(plain.stdout, '')
  t.match(plain.stderr, /doc\.md has no steps/)
  const all = await runCli(['list', '--all', 'doc.md'], {cwd: dir, timeoutMs: 30_000})
  t.equal(all.code, 0)
  t.equal(all.stdout, 'setup  shell  line 3  needs -\ntest   shell  line 9  needs setup\n')
})

t.test('the Runme examples list their named cells', async (t) => {
  const result = await runCli(['list', path.join(sharedDir, 'corpus/runme-examples/examples/README.md')], {timeoutMs: 30_000})
  t.equal(result.code, 0)
  const ids = result.stdout.split('\n').filter(Boolean).map((line) => line.split(/\s+/)[0])
  for (const name of ['print-name', 'hello-js', 'a', 'b', 'c', 'generate']) t.ok(ids.includes(name), `lists ${name}`)
})

t.test('usage errors exit 2', async (t) => {
  const none = await runCli(['list'], {timeoutMs: 30_000})
  t.equal(none.code, 2)
  t.match(none.stderr, /expected one FILE, got 0/)
  const missing = await runCli(['list', 'nope.md'], {cwd: t.testdir({}), timeoutMs: 30_000})
  t.equal(missing.code, 2)
  t.match(missing.stderr, /cannot read nope\.md: no such file/)
  const flag = await runCli(['list', '--bogus', 'x.md'], {timeoutMs: 30_000})
  t.equal(flag.code, 2)
  t.match(flag.stderr, /--bogus/)
})

t.test('list --help', async (t) => {
  const result = await runCli(['list', '--help'], {timeoutMs: 30_000})
  t.equal(result.code, 0)
  t.match(result.stdout, /^Usage: runbook list FILE \[--all\]/)
})
