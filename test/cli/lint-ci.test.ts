// `runbook lint` in CI through the real CLI: standard input, JUnit and GitLab Code Quality reports,
// ESLint-style disable comments with reasons, and files lint must refuse to read.
import {execFileSync} from 'node:child_process'
import {symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import t from 'tap'
import {runCli} from '../helpers/cli.js'
import {validateXml} from '../helpers/xmllint.js'

const doc = '# Deploy\n\nSee [the guide](missing.md).\n\nOwner: TBD\n'
type Finding = {file: string; line: number; ruleId: string; severity: string; message: string}
const findings = (stdout: string) => JSON.parse(stdout) as Finding[]

t.test('`lint -` reads standard input; --stdin-filename names it and anchors its links', async (t) => {
  const dir = t.testdir({docs: {'guide.md': '# Guide\n'}})
  const anonymous = await runCli(['lint', '-', '--format', 'json'], {cwd: dir, input: doc})
  t.equal(anonymous.code, 0, 'warnings only')
  t.same(findings(anonymous.stdout).map((m) => [m.file, m.line, m.ruleId]), [
    ['<stdin>', 3, 'broken-file-reference'],
    ['<stdin>', 5, 'unfilled-template'],
  ])
  const named = await runCli(['lint', '-', '--stdin-filename', 'docs/deploy.md', '--format', 'json'], {cwd: dir, input: doc.replace('missing.md', 'guide.md')})
  t.same(findings(named.stdout).map((m) => [m.file, m.line, m.ruleId]), [['docs/deploy.md', 5, 'unfilled-template']], 'the link resolves beside the named file')
  const stylish = await runCli(['lint', '-', '--stdin-filename', 'docs/deploy.md'], {cwd: dir, input: doc})
  t.match(stylish.stdout, /docs\/deploy\.md\n\s+3:\d+\s+warning\s+Link target `missing\.md` does not exist/)
  const lonely = await runCli(['lint', 'docs', '--stdin-filename', 'x.md'], {cwd: dir})
  t.equal(lonely.code, 2)
  t.match(lonely.stderr, /--stdin-filename names the document read from `-`/)
})

t.test('--format junit has one testsuite per file and validates against schemas/junit.xsd', async (t) => {
  const dir = t.testdir({'a.md': doc, 'b&c.md': 'Owner: TBD\n', 'clean.md': '# Fine\n'})
  const r = await runCli(['lint', '--format', 'junit'], {cwd: dir})
  t.equal(r.code, 0, 'warnings only')
  const verdict = await validateXml(r.stdout)
  t.ok(verdict.valid, verdict.messages)
  t.equal(r.stdout.match(/<testsuite /g)?.length, 2, 'one suite per file with findings')
  t.match(r.stdout, /<testsuite name="a\.md" tests="2" failures="2"/)
  t.match(r.stdout, /<testcase name="unfilled-template 1:\d+" classname="b&amp;c\.md" file="b&amp;c\.md" line="1">/, 'names are escaped')
  const empty = await runCli(['lint', 'clean.md', '--format', 'junit'], {cwd: dir})
  t.equal(empty.code, 0)
  t.ok((await validateXml(empty.stdout)).valid, 'no findings is a valid, empty report')
})

t.test('--format codequality is a GitLab Code Quality report', async (t) => {
  const dir = t.testdir({'a.md': `<!-- runbook-lint-disable-fle -->\n${doc}`})
  const r = await runCli(['lint', '--format', 'codequality'], {cwd: dir})
  const issues = JSON.parse(r.stdout) as Array<{check_name: string; description: string; severity: string; fingerprint: string; location: {path: string; lines: {begin: number}}}>
  t.same(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin]), [
    ['invalid-disable-comment', 'major', 'a.md', 1],
    ['broken-file-reference', 'minor', 'a.md', 4],
    ['unfilled-template', 'minor', 'a.md', 6],
  ])
  t.ok(issues.every((i) => /^[0-9a-f]{64}$/.test(i.fingerprint) && i.description.length > 0))
  t.equal(new Set(issues.map((i) => i.fingerprint)).size, 3, 'fingerprints differ per finding')
  const again = await runCli(['lint', '--format', 'codequality'], {cwd: dir})
  t.equal(again.stdout, r.stdout, 'fingerprints are stable')
})

t.test('disable-line, disable-file and a reason after -- on every disable comment', async (t) => {
  const dir = t.testdir({
    'line.md': 'Owner: TBD <!-- runbook-lint-disable-line unfilled-template -- set at release -->\n\nReviewer: TBD\n',
    'file.md': 'Owner: TBD\n\n<!-- runbook-lint-disable-file unfilled-template -- a template on purpose -->\n\nReviewer: TBD\n',
    'next.md': '<!-- runbook-lint-disable-next-line unfilled-template -- the owner rotates -->\nOwner: TBD\nReviewer: TBD\n',
    'block.md': '<!-- runbook-lint-disable unfilled-template, broken-file-reference -- draft -->\nOwner: TBD [x](nope.md)\n<!-- runbook-lint-enable unfilled-template -- draft ends -->\nReviewer: TBD\n',
  })
  const r = await runCli(['lint', '--format', 'json'], {cwd: dir})
  t.equal(r.code, 0, r.stderr)
  t.same(findings(r.stdout).map((m) => [m.file, m.line, m.ruleId]), [
    ['block.md', 4, 'unfilled-template'],
    ['line.md', 3, 'unfilled-template'],
    ['next.md', 3, 'unfilled-template'],
  ])
})

t.test('an unknown directive or rule in a disable comment is an error, never a rule named `-file`', async (t) => {
  const dir = t.testdir({
    'doc.md': '<!-- runbook-lint-disable-fle unfilled-template -->\n<!-- runbook-lint-disable unfiled-template -- typo -->\n\nOwner: TBD\n',
  })
  const r = await runCli(['lint', '--format', 'json'], {cwd: dir})
  t.equal(r.code, 1)
  const found = findings(r.stdout)
  t.same(found.map((m) => [m.line, m.ruleId, m.severity]), [
    [1, 'invalid-disable-comment', 'error'],
    [2, 'invalid-disable-comment', 'error'],
    [4, 'unfilled-template', 'warning'],
  ], 'neither comment silenced anything')
  t.match(found[0]!.message, /Unknown directive `runbook-lint-disable-fle`: did you mean `runbook-lint-disable-file`\?/)
  t.match(found[1]!.message, /Unknown rule `unfiled-template`.*did you mean `unfilled-template`\?/)
})

t.test('lint refuses special files and caps what it reads, with the file named', async (t) => {
  const dir = t.testdir({docs: {'ok.md': '# Fine\n'}})
  symlinkSync('/dev/zero', path.join(dir, 'docs', 'zero.md'))
  execFileSync('mkfifo', [path.join(dir, 'docs', 'pipe.md')])
  const direct = await runCli(['lint', '/dev/zero'], {cwd: dir, timeoutMs: 20_000})
  t.equal(direct.code, 2, direct.stderr)
  t.match(direct.stderr, /\/dev\/zero: not a regular file \(a character device\); lint reads only regular files/)
  const tree = await runCli(['lint', 'docs', '--format', 'json'], {cwd: dir, timeoutMs: 20_000})
  t.equal(tree.code, 2)
  t.match(tree.stderr, /docs\/zero\.md: not a regular file/)
  t.same(JSON.parse(tree.stdout), [], 'the other files are still linted')
  const fifo = await runCli(['lint', 'docs/pipe.md'], {cwd: dir, timeoutMs: 20_000})
  t.equal(fifo.code, 2)
  t.match(fifo.stderr, /docs\/pipe\.md: not a regular file \(a FIFO\)/, 'a FIFO with no writer does not hang lint')
  writeFileSync(path.join(dir, 'huge.md'), Buffer.alloc(11 * 1024 * 1024, 'a'))
  const huge = await runCli(['lint', 'huge.md'], {cwd: dir, timeoutMs: 20_000})
  t.equal(huge.code, 2)
  t.match(huge.stderr, /huge\.md:1:1: larger than 10 MiB, the most this reads/)
  const piped = await runCli(['lint', '-'], {cwd: dir, input: 'a'.repeat(11 * 1024 * 1024), timeoutMs: 20_000})
  t.equal(piped.code, 2)
  t.match(piped.stderr, /<stdin>:1:1: larger than 10 MiB, the most lint reads/)
})
