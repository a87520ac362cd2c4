import t from 'tap'
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../../helpers/cli.js'
import {book, tree} from '../../helpers/many-files.js'

const fence = '```'

t.test('a folder runs every file with steps, honours .gitignore and node_modules, and exits with the worst code', async (t) => {
  const repo = tree({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.gitignore': 'ignored.md\n',
    'docs/a.md': book('A', {one: 'echo one'}),
    'docs/sub/b.md': book('B', {two: 'echo two', bad: 'exit 3'}),
    'docs/plain.md': '# Plain\n\nNo steps here.\n',
    'docs/ignored.md': book('I', {never: 'echo should-not-run'}),
    'docs/node_modules/pkg/readme.md': book('N', {never: 'echo should-not-run'}),
    'docs/notes.txt': 'not a runbook\n',
  })
  t.teardown(repo.cleanup)
  const run = await runCli(['run', 'docs', '--evidence', 'ev'], {cwd: repo.dir})
  t.equal(run.code, 1, run.stderr)
  t.match(run.stdout, /^✓ docs\/a\.md — 1 passed/m, 'one line for the passing file')
  t.match(run.stdout, /^✗ docs\/sub\/b\.md — 1 passed, 1 failed/m, 'one line for the failing file')
  t.match(run.stdout, /✗ bad — exit code 3/, "the failing file's details in full")
  t.notMatch(run.stdout, /✓ one/, "a passing file's steps are not listed")
  t.match(run.stdout, /skipped: docs\/plain\.md \(no steps\)/)
  t.match(run.stdout, /Files: 1 passed, 1 failed, 1 skipped · Steps: 2 passed, 1 failed/)
  t.notMatch(run.stdout + run.stderr, /should-not-run|ignored\.md|node_modules/)
  for (const file of ['docs/a.md', 'docs/sub/b.md']) {
    const manifest = JSON.parse(readFileSync(path.join(repo.dir, 'ev', file, 'manifest.json'), 'utf8')) as {runbook: string}
    t.match(manifest.runbook, file, `evidence of ${file} under DIR/${file}/`)
  }
  t.notOk(existsSync(path.join(repo.dir, 'ev', 'docs/plain.md')), 'no evidence for a skipped file')
})

t.test('globs and files together; each file has its own session; an invalid file is exit 2 and the others still run', async (t) => {
  const repo = tree({
    'a.md': book('A', {set: 'export SHARED=from-a', show: 'echo "[${SHARED-unset}]"'}),
    'b.md': book('B', {show: 'echo "[${SHARED-unset}]"'}),
    'guides/c.md': ['# C', '', `${fence}bash {#x needs=missing}`, 'echo x', fence, ''].join('\n'),
  })
  t.teardown(repo.cleanup)
  const run = await runCli(['run', 'a.md', 'b.md', 'guides/*.md', '--reporter', 'json'], {cwd: repo.dir})
  t.equal(run.code, 2, 'the worst code: an invalid runbook')
  const events = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as {type: string; file: string; stepId?: string; result?: {stdout: {head: string}}; exitCode?: number})
  t.ok(events.every((event) => typeof event.file === 'string'), 'every json event carries its file')
  const shown = events.filter((e) => e.type === 'step:end' && e.stepId === 'show').map((e) => `${e.file}:${e.result!.stdout.head.trim()}`)
  t.same(shown, ['a.md:[from-a]', 'b.md:[unset]'], "b.md does not see a.md's exports")
  t.same(events.filter((e) => e.type === 'file:end').map((e) => [e.file, e.exitCode]), [['a.md', 0], ['b.md', 0], ['guides/c.md', 2]])
  t.match(events.find((e) => e.type === 'file:end' && e.file === 'guides/c.md'), {error: /guides\/c\.md:3:\d+/})
})

t.test('a missing path is a usage error before anything runs; a folder of files without steps is exit 2', async (t) => {
  const repo = tree({'a.md': book('A', {touch: 'touch ran'}), 'empty/readme.md': '# Nothing\n'})
  t.teardown(repo.cleanup)
  const missing = await runCli(['run', 'a.md', 'nope/'], {cwd: repo.dir})
  t.equal(missing.code, 2)
  t.match(missing.stderr, /no such file or folder: nope/)
  t.notOk(existsSync(path.join(repo.dir, 'ran')), 'nothing ran')
  const empty = await runCli(['run', 'empty'], {cwd: repo.dir})
  t.equal(empty.code, 2)
  t.match(empty.stderr, /nothing to run in empty: none of the 1 files has steps/)
  const single = await runCli(['run', 'empty/readme.md'], {cwd: repo.dir})
  t.equal(single.code, 2, 'one file named on its own without steps stays an error')
  t.match(single.stderr, /nothing to run: empty\/readme\.md has no steps/)
})

t.test('--write, --update and --stable work across many files, and --out is refused', async (t) => {
  const expectBook = (word: string) => ['# E', '', `${fence}bash {#say}`, `echo ${word}`, fence, '', `${fence}text {expect}`, 'old', fence, ''].join('\n')
  const repo = tree({'one.md': expectBook('first'), 'two/two.md': expectBook('second')})
  t.teardown(repo.cleanup)
  const update = await runCli(['run', '.', '--update'], {cwd: repo.dir})
  t.equal(update.code, 1, 'the run itself failed its expectations')
  t.match(readFileSync(path.join(repo.dir, 'one.md'), 'utf8'), /```text \{expect\}\nfirst\n```/)
  t.match(readFileSync(path.join(repo.dir, 'two/two.md'), 'utf8'), /```text \{expect\}\nsecond\n```/)
  const write = await runCli(['run', '.', '--write', '--stable'], {cwd: repo.dir})
  t.equal(write.code, 0, write.stdout)
  const once = [readFileSync(path.join(repo.dir, 'one.md'), 'utf8'), readFileSync(path.join(repo.dir, 'two/two.md'), 'utf8')]
  t.match(once[1], /runbook:output id=say/)
  const again = await runCli(['run', '.', '--write', '--stable'], {cwd: repo.dir})
  t.equal(again.code, 0)
  t.same([readFileSync(path.join(repo.dir, 'one.md'), 'utf8'), readFileSync(path.join(repo.dir, 'two/two.md'), 'utf8')], once, '--stable rewrites every file byte for byte')
  const out = await runCli(['run', '.', '--out', 'x.md'], {cwd: repo.dir})
  t.equal(out.code, 2)
  t.match(out.stderr, /--out writes one file/)
})

t.test('--dry-run over many files lists each file with its commands and runs nothing', async (t) => {
  const repo = tree({'a.md': book('A', {make: 'touch made-a'}), 'b.md': book('B', {make: 'touch made-b'})})
  t.teardown(repo.cleanup)
  const run = await runCli(['run', '.', '--dry-run', '--reporter', 'plain'], {cwd: repo.dir})
  t.equal(run.code, 0, run.stderr)
  t.match(run.stdout, /^✓ a\.md — [^\n]*\n {4}Commands \(nothing was executed\):\n {6}make:\n {8}touch made-a\n✓ b\.md/m)
  t.notOk(existsSync(path.join(repo.dir, 'made-a')) || existsSync(path.join(repo.dir, 'made-b')), 'nothing ran')
})

t.test('--only over many files: each file runs the named steps it has; files with none are skipped', async (t) => {
  const repo = tree({'a.md': book('A', {build: 'echo a-build', ship: 'echo a-ship'}), 'b.md': book('B', {ship: 'echo b-ship'}), 'c.md': book('C', {other: 'echo c'})})
  t.teardown(repo.cleanup)
  const run = await runCli(['run', '.', '--only', 'build,ship', '--reporter', 'json'], {cwd: repo.dir})
  t.equal(run.code, 0, run.stderr)
  const events = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as {type: string; file: string; stepId?: string; result?: {status: string}; reason?: string})
  const ran = events.filter((e) => e.type === 'step:end' && e.result!.status === 'passed').map((e) => `${e.file}:${e.stepId}`)
  t.same(ran, ['a.md:build', 'a.md:ship', 'b.md:ship'])
  t.same(events.filter((e) => e.type === 'file:skip').map((e) => [e.file, e.reason]), [['c.md', 'no step `build`, `ship`']])
  const none = await runCli(['run', '.', '--only', 'nowhere'], {cwd: repo.dir})
  t.equal(none.code, 2)
  t.match(none.stderr, /nothing to run in \.: no file has a step `nowhere`/)
})

t.test('a folder takes cram .t transcripts beside Markdown runbooks', async (t) => {
  const repo = tree({'tests/hello.t': '  $ echo hi\n  hi\n', 'tests/guide.md': book('Guide', {s: 'echo s'}), 'tests/notes.txt': 'not a runbook\n'})
  t.teardown(repo.cleanup)
  const run = await runCli(['run', 'tests', '--reporter', 'plain'], {cwd: repo.dir})
  t.equal(run.code, 0, run.stdout + run.stderr)
  t.match(run.stdout, /^✓ tests\/guide\.md — 1 passed/m)
  t.match(run.stdout, /^✓ tests\/hello\.t — 1 passed/m)
  t.match(run.stdout, /Files: 2 passed, 0 failed, 0 skipped/)
})
