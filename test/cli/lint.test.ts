// `runbook lint` through the real CLI: formats, exit codes, config, disable comments, --fix, --cache,
// file walking, and the promise that lint never runs anything.
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv} from 'ajv'
import t from 'tap'
import {runCli} from '../helpers/cli.js'
import {runMain} from '../helpers/main-io.js'
import {repoPath} from '../helpers/paths.js'

const fixtures = repoPath('test/fixtures/lint')
const schema = (name: string) => JSON.parse(readFileSync(path.join(fixtures, name), 'utf8')) as object

const runbook = `# Deploy

\`\`\`bash {#build}
touch created-by-lint.txt
docker push <registry>/api:latest
\`\`\`

Owner: TBD
`

t.test('lint never runs a command: a step that would create a file leaves no file', async (t) => {
  const dir = t.testdir({'doc.md': runbook})
  const r = await runCli(['lint', 'doc.md'], {cwd: dir})
  t.equal(r.code, 1, 'the placeholder is an error')
  t.equal(existsSync(path.join(dir, 'created-by-lint.txt')), false, 'the file was not created')
  t.match(r.stdout, /doc\.md/)
  t.match(r.stdout, /5:\d+\s+error\s+Placeholder `<registry>`/)
  t.match(r.stdout, /8:\d+\s+warning\s+Unfilled template text `TBD`/)
  t.match(r.stdout, /2 problems \(1 error, 1 warning\)/)
})

t.test('--format json is an array of findings that validates against its schema', async (t) => {
  const dir = t.testdir({'doc.md': runbook, 'plain.md': '# Fine\n\nNothing to see.\n'})
  const r = await runCli(['lint', '--format', 'json'], {cwd: dir})
  t.equal(r.code, 1)
  const data = JSON.parse(r.stdout) as Array<Record<string, unknown>>
  const validate = new Ajv().compile(schema('lint-json.schema.json'))
  t.ok(validate(data), JSON.stringify(validate.errors))
  t.same(
    data.map((m) => [m.file, m.line, m.ruleId, m.severity]),
    [
      ['doc.md', 5, 'placeholder-in-command', 'error'],
      ['doc.md', 8, 'unfilled-template', 'warning'],
    ],
  )
})

t.test('--format sarif is SARIF 2.1.0 in the shape GitHub code scanning accepts', async (t) => {
  const dir = t.testdir({docs: {'doc.md': runbook}})
  const r = await runCli(['lint', 'docs', '--format', 'sarif'], {cwd: dir})
  const log = JSON.parse(r.stdout) as {runs: Array<{results: Array<{ruleId: string; ruleIndex: number; locations: Array<{physicalLocation: {artifactLocation: {uri: string}; region: {startLine: number}}}>}>; tool: {driver: {rules: Array<{id: string}>}}}>}
  const validate = new Ajv().compile(schema('sarif-github.schema.json'))
  t.ok(validate(log), JSON.stringify(validate.errors))
  const run = log.runs[0]!
  t.equal(run.results.length, 2)
  const first = run.results[0]!
  t.equal(first.locations[0]!.physicalLocation.artifactLocation.uri, 'docs/doc.md', 'a path relative to the repository root')
  t.equal(first.locations[0]!.physicalLocation.region.startLine, 5)
  t.equal(run.tool.driver.rules[first.ruleIndex]!.id, first.ruleId, 'ruleIndex points at the rule')
})

t.test('--format github prints workflow annotations', async (t) => {
  const dir = t.testdir({'doc.md': runbook})
  const r = await runMain(['lint', '--format', 'github'], dir)
  t.match(r.stdout, /^::error file=doc\.md,line=5,col=\d+,endLine=5,endColumn=\d+,title=placeholder-in-command::Placeholder/m)
  t.match(r.stdout, /^::warning file=doc\.md,line=8,.*title=unfilled-template::/m)
})

t.test('disable comments silence rules for a region and for the next line', async (t) => {
  const doc = `# Notes

<!-- runbook-lint-disable unfilled-template -->
Owner: TBD
<!-- runbook-lint-enable unfilled-template -->
Reviewer: TBD

<!-- runbook-lint-disable-next-line unfilled-template -->
Due: TBD
Budget: TBD
`
  const dir = t.testdir({'doc.md': doc})
  const r = await runMain(['lint', '--format', 'json'], dir)
  t.equal(r.code, 0, 'warnings only')
  t.same((JSON.parse(r.stdout) as Array<{line: number}>).map((m) => m.line), [6, 10])
})

t.test('.runbookrc.json sets severities; a bad config is a usage error', async (t) => {
  const dir = t.testdir({'doc.md': runbook, '.runbookrc.json': JSON.stringify({rules: {'placeholder-in-command': 'warning', 'unfilled-template': 'off'}})})
  const r = await runMain(['lint', '--format', 'json'], dir)
  t.equal(r.code, 0, 'no error left')
  t.same((JSON.parse(r.stdout) as Array<{ruleId: string; severity: string}>).map((m) => [m.ruleId, m.severity]), [['placeholder-in-command', 'warning']])

  writeFileSync(path.join(dir, '.runbookrc.json'), JSON.stringify({rules: {'unfiled-template': 'off'}}))
  const typo = await runMain(['lint'], dir)
  t.equal(typo.code, 2)
  t.match(typo.stderr, /unknown rule `unfiled-template` \(did you mean `unfilled-template`\?\)/)

  writeFileSync(path.join(dir, '.runbookrc.json'), JSON.stringify({rules: {'unfilled-template': 'loud'}}))
  const bad = await runMain(['lint'], dir)
  t.equal(bad.code, 2)
  t.match(bad.stderr, /\.runbookrc\.json: \/rules\/unfilled-template must be equal to one of the allowed values \(off, warning, error\)/)

  writeFileSync(path.join(dir, '.runbookrc.json'), '{"rules": ')
  const broken = await runMain(['lint'], dir)
  t.equal(broken.code, 2)
  t.match(broken.stderr, /invalid JSON/)
})

t.test('--max-warnings fails on more warnings than allowed', async (t) => {
  const dir = t.testdir({'doc.md': 'Owner: TBD\n\nDue: TBD\n'})
  t.equal((await runMain(['lint'], dir)).code, 0, 'warnings alone pass')
  t.equal((await runMain(['lint', '--max-warnings', '2'], dir)).code, 0, 'two warnings are allowed')
  const over = await runMain(['lint', '--max-warnings', '1'], dir)
  t.equal(over.code, 1)
  t.match(over.stderr, /2 warnings, more than --max-warnings 1/)
  t.equal((await runMain(['lint', '--max-warnings', 'many'], dir)).code, 2, 'a bad number is a usage error')
})

t.test('--fix renames a misspelt key and adds `bash` to an obvious shell block, and nothing else', async (t) => {
  const doc = '# Fix me\n\n```bash {#migrate timout=5m}\nalembic upgrade head\n```\n\n```\ndocker compose up -d\n```\n\n```\nsome output\n```\n'
  const dir = t.testdir({'doc.md': doc})
  const before = await runMain(['lint', '--format', 'json'], dir)
  t.same((JSON.parse(before.stdout) as Array<{ruleId: string}>).map((m) => m.ruleId), ['invalid-annotation', 'missing-language', 'missing-language'])
  const r = await runMain(['lint', '--fix', '--format', 'json'], dir)
  t.equal(
    readFileSync(path.join(dir, 'doc.md'), 'utf8'),
    '# Fix me\n\n```bash {#migrate timeout=5m}\nalembic upgrade head\n```\n\n```bash\ndocker compose up -d\n```\n\n```\nsome output\n```\n',
  )
  t.same((JSON.parse(r.stdout) as Array<{ruleId: string; line: number}>).map((m) => [m.ruleId, m.line]), [['unannotated-shell-block', 7], ['missing-language', 11]], 'what is left has no safe fix')
  t.match(r.stderr, /applied 2 fixes/)
  t.equal(r.code, 0)
})

t.test('--cache reuses results of unchanged files and notices changes', async (t) => {
  const dir = t.testdir({'doc.md': 'See [the guide](guide.md).\n', 'other.md': 'Owner: TBD\n'})
  const first = await runMain(['lint', '--cache', '--format', 'json'], dir)
  t.equal((JSON.parse(first.stdout) as unknown[]).length, 2)
  const cacheFile = path.join(dir, '.runbook-cache', 'lint.json')
  t.ok(existsSync(cacheFile), 'the cache is written in .runbook-cache/')
  // Mark the cached entry: a run that reuses it shows the mark.
  const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as {entries: Record<string, {messages: Array<{message: string}>}>}
  cache.entries['other.md']!.messages[0]!.message = 'served from the cache'
  writeFileSync(cacheFile, JSON.stringify(cache))
  const second = await runMain(['lint', '--cache', '--format', 'json'], dir)
  t.match(second.stdout, /served from the cache/, 'an unchanged file is not linted again')
  writeFileSync(path.join(dir, 'other.md'), 'Owner: TBD\nDue: TBD\n')
  const third = await runMain(['lint', '--cache', '--format', 'json'], dir)
  t.notMatch(third.stdout, /served from the cache/, 'a changed file is linted again')
  writeFileSync(path.join(dir, 'guide.md'), '# Guide\n')
  const fourth = await runMain(['lint', '--cache', '--format', 'json'], dir)
  t.same((JSON.parse(fourth.stdout) as Array<{file: string}>).map((m) => m.file), ['other.md', 'other.md'], 'a link target that appeared clears the finding')
  const elsewhere = await runMain(['lint', '--cache-location', 'tmp-cache', '--format', 'json'], dir)
  t.equal(elsewhere.code, 0)
  t.ok(existsSync(path.join(dir, 'tmp-cache', 'lint.json')), '--cache-location picks the folder')
})

t.test('folders and globs honour .gitignore and skip node_modules', async (t) => {
  const dir = t.testdir({
    '.gitignore': 'build/\n*.draft.md\n',
    'a.md': 'TBD\n',
    'b.draft.md': 'TBD\n',
    build: {'c.md': 'TBD\n'},
    node_modules: {pkg: {'d.md': 'TBD\n'}},
    docs: {'e.md': 'TBD\n', 'notes.txt': 'TBD\n', deep: {'f.md': 'TBD\n'}},
  })
  const files = async (...args: string[]) => {
    const r = await runMain(['lint', ...args, '--format', 'json'], dir)
    return [...new Set((JSON.parse(r.stdout) as Array<{file: string}>).map((m) => m.file))]
  }
  t.same(await files(), ['a.md', 'docs/deep/f.md', 'docs/e.md'], 'the default is the current folder')
  t.same(await files('docs'), ['docs/deep/f.md', 'docs/e.md'])
  t.same(await files('docs/*.md'), ['docs/e.md'], 'a glob')
  t.same(await files('**/*.md'), ['a.md', 'docs/deep/f.md', 'docs/e.md'], 'a recursive glob')
  t.same(await files('b.draft.md'), ['b.draft.md'], 'a file named explicitly is always linted')
  const missing = await runMain(['lint', 'nope.md'], dir)
  t.equal(missing.code, 2)
  t.match(missing.stderr, /no such file or folder: nope\.md/)
})

t.test('globs: wildcards skip dot-folders, braces nest; .gitignore braces are literal, as in git', async (t) => {
  const dir = t.testdir({
    '.gitignore': '{a,b}.md\n',
    'a.md': 'TBD\n',
    '{a,b}.md': 'TBD\n',
    '.github': {'g.md': 'TBD\n'},
    docs: {b: {'c.md': 'TBD\n', 'd.md': 'TBD\n', 'e.md': 'TBD\n'}},
  })
  const files = async (...args: string[]) => {
    const r = await runCli(['lint', ...args, '--format', 'json'], {cwd: dir})
    t.equal(r.stderr, '')
    return [...new Set((JSON.parse(r.stdout) as Array<{file: string}>).map((m) => m.file))]
  }
  t.same(await files('**/*.md'), ['a.md', 'docs/b/c.md', 'docs/b/d.md', 'docs/b/e.md'], '** does not enter .github')
  t.same(await files('.github/*.md'), ['.github/g.md'], 'a glob that names the dot-folder enters it')
  t.same(await files('docs/{a,b/{c,d}}.md'), ['docs/b/c.md', 'docs/b/d.md'], 'nested braces')
})

t.test('a hostile .gitignore line does not stall the walk', async (t) => {
  // `*a` thirty times: a backtracking glob-to-regex translation would not finish before the test timeout.
  const hostile = `${'*a'.repeat(30)}*b`
  const tree: Record<string, unknown> = {'.gitignore': `${hostile}\n`, [`${'a'.repeat(60)}.md`]: 'TBD\n'}
  tree[`${'a'.repeat(40)}`] = {[`${'a'.repeat(50)}.md`]: 'TBD\n'}
  const dir = t.testdir(tree as Parameters<typeof t.testdir>[0])
  const r = await runCli(['lint', '--format', 'json'], {cwd: dir, timeoutMs: 20_000})
  t.equal(r.signal, null, 'lint finished')
  t.equal((JSON.parse(r.stdout) as unknown[]).length, 2, 'both files were linted: neither name ends in b')
})

t.test('plain Markdown gets only the rules for any document', async (t) => {
  const doc = '# Ops\n\n```bash\nrm -rf /var/lib/app\necho $UNDECLARED <placeholder>\n```\n\n```\nno language\n```\n\nSee [missing](missing.md). Owner: TBD\n'
  const dir = t.testdir({'doc.md': doc})
  const r = await runMain(['lint', '--format', 'json'], dir)
  t.same((JSON.parse(r.stdout) as Array<{ruleId: string}>).map((m) => m.ruleId), ['broken-file-reference', 'unfilled-template'])
})

t.test('many files are linted in worker threads with the same results', async (t) => {
  const tree: Record<string, string> = {}
  for (let i = 0; i < 120; i++) tree[`doc-${String(i).padStart(3, '0')}.md`] = `# Doc ${i}\n\n${'text\n'.repeat(i % 7)}Owner: TBD\n`
  const dir = t.testdir(tree)
  const r = await runCli(['lint', '--format', 'json'], {cwd: dir})
  const data = JSON.parse(r.stdout) as Array<{file: string; line: number}>
  t.equal(data.length, 120)
  t.same(data.map((m) => m.file), Object.keys(tree).sort(), 'in file order')
  t.same(data.map((m) => m.line), Object.keys(tree).map((_f, i) => 3 + (i % 7)))
})

t.test('usage errors exit 2', async (t) => {
  const dir = t.testdir({'doc.md': '# ok\n'})
  const r = await runMain(['lint', '--format', 'xml'], dir)
  t.equal(r.code, 2)
  t.match(r.stderr, /unknown --format `xml` \(expected one of: stylish, json, github, sarif, junit, codequality\)/)
  t.equal((await runMain(['lint', '--frobnicate'], dir)).code, 2)
  const clean = await runMain(['lint'], dir)
  t.equal(clean.code, 0)
  t.equal(clean.stdout, '', 'a clean run prints nothing')
})
