import t from 'tap'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../../helpers/cli.js'
import {book, tree} from '../../helpers/many-files.js'
import {validateXml} from '../../helpers/xmllint.js'

t.test('one run: plain on the terminal, junit, tap and json into files, one suite / subtest per file', async (t) => {
  const repo = tree({
    'docs/good.md': book('Good', {hello: 'echo hello'}),
    'docs/bad.md': book('Bad', {fine: 'echo fine', broken: 'echo "<oops & more>" >&2; exit 4'}),
    'docs/none.md': '# Nothing to run\n',
  })
  t.teardown(repo.cleanup)
  const run = await runCli(['run', 'docs', '--reporter', 'plain', '--reporter', 'junit=reports/out.xml', '--reporter', 'tap=reports/out.tap', '--reporter', 'json=events.jsonl'], {cwd: repo.dir})
  t.equal(run.code, 1, run.stderr)
  t.match(run.stdout, /✗ docs\/bad\.md/, 'the terminal still has its report')
  t.match(run.stdout, /✓ docs\/good\.md/)

  const xml = readFileSync(path.join(repo.dir, 'reports/out.xml'), 'utf8')
  const verdict = await validateXml(xml)
  t.ok(verdict.valid, verdict.messages)
  t.same([...xml.matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1]), ['docs/bad.md', 'docs/good.md'], 'one testsuite per file with steps, in file order')
  t.match(xml, /<testsuites name="runbook" tests="3" failures="1" errors="0" skipped="0"/)
  t.match(xml, /&lt;oops &amp; more&gt;/, 'output is escaped')

  const tap = readFileSync(path.join(repo.dir, 'reports/out.tap'), 'utf8')
  t.match(tap, /^TAP version 14\n# Subtest: docs\/bad\.md\n {4}# runbook docs\/bad\.md\n {4}ok 1 - fine\n {4}not ok 2 - broken\n/)
  t.match(tap, /\nnot ok 1 - docs\/bad\.md\n# Subtest: docs\/good\.md\n {4}# runbook docs\/good\.md\n {4}ok 1 - hello\n {4}1\.\.1\nok 2 - docs\/good\.md\nok 3 - docs\/none\.md # SKIP no steps\n1\.\.3\n$/)

  const events = readFileSync(path.join(repo.dir, 'events.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as {type: string; file: string})
  t.same([...new Set(events.map((e) => e.file))].sort(), ['docs/bad.md', 'docs/good.md', 'docs/none.md'])
  t.ok(events.some((e) => e.type === 'run:end' && e.file === 'docs/good.md'))
})

t.test('a single file can write junit to a file too; two terminal reporters or an unknown one are usage errors', async (t) => {
  const repo = tree({'one.md': book('One', {hello: 'echo hello'})})
  t.teardown(repo.cleanup)
  const run = await runCli(['run', 'one.md', '--reporter', 'junit=out.xml'], {cwd: repo.dir})
  t.equal(run.code, 0, run.stderr)
  t.match(run.stdout, /✓ hello/, 'plain is the default on the terminal')
  const verdict = await validateXml(readFileSync(path.join(repo.dir, 'out.xml'), 'utf8'))
  t.ok(verdict.valid, verdict.messages)
  const two = await runCli(['run', 'one.md', '--reporter', 'tap', '--reporter', 'json'], {cwd: repo.dir})
  t.equal(two.code, 2)
  t.match(two.stderr, /only one reporter can write to the terminal, got tap and json/)
  const unknown = await runCli(['run', 'one.md', '--reporter', 'xml=out.xml'], {cwd: repo.dir})
  t.equal(unknown.code, 2)
  t.match(unknown.stderr, /unknown reporter `xml`/)
})

t.test('a file that cannot run is an <error> suite in JUnit (still valid) and a failed subtest in TAP', async (t) => {
  const repo = tree({
    'good.md': book('Good', {hello: 'echo hello'}),
    'broken.md': ['# Broken', '', '```bash {#x needs=nowhere}', 'echo x', '```', ''].join('\n'),
  })
  t.teardown(repo.cleanup)
  const run = await runCli(['run', '.', '--reporter', 'junit=out.xml', '--reporter', 'tap=out.tap'], {cwd: repo.dir})
  t.equal(run.code, 2, 'the worst code: an invalid runbook')
  t.match(run.stdout, /^! broken\.md — not run: invalid runbook or missing input\n {4}broken\.md:3:\d+/m, 'the diagnostic under the file line')
  const xml = readFileSync(path.join(repo.dir, 'out.xml'), 'utf8')
  const verdict = await validateXml(xml)
  t.ok(verdict.valid, verdict.messages)
  t.match(xml, /<testsuite name="broken\.md" tests="1" failures="0" errors="1"[^>]*>\s*<testcase name="\(runbook\)" classname="broken\.md"[^>]*>\s*<error message="[^"]*" type="invalid">broken\.md:3:/)
  const tap = readFileSync(path.join(repo.dir, 'out.tap'), 'utf8')
  t.match(tap, /# Subtest: broken\.md\n {4}1\.\.0 # could not run\n {4}# broken\.md:3:\d+: error: [^\n]*\n(?: {4}# [^\n]*\n)*not ok 1 - broken\.md\n/)
})
