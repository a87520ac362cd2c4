import t from 'tap'
import {parseRunbook} from '../../lib/parse/index.js'

const text = `# Deploy

<!-- runbook:summary -->
| step | status |
|---|---|
| build | passed |
<!-- /runbook:summary -->

## Build

\`\`\`bash {#build}
echo built
\`\`\`
<!-- runbook:output id=build status=passed duration=1.2s -->
\`\`\`text
built
\`\`\`
<!-- /runbook:output -->

- [ ] done?
<!-- runbook:output id=fake status=passed -->
\`\`\`bash {#inside}
echo never a step
\`\`\`

\`\`\`text {expect}
never an expectation
\`\`\`

- [x] never a checklist item

<!-- runbook: http id=t -->
| URL |
|---|
| /never |
<!-- /runbook:output -->
`

t.test('output and summary regions are found, and nothing inside them is parsed as content', async (t) => {
  const rb = parseRunbook(text, {file: 'doc.md', dir: '/tmp'})
  t.same(rb.diagnostics, [])
  t.same(rb.regions.map((r) => [r.kind, r.stepId ?? null, r.span.start.line, r.span.end.line]), [
    ['summary', null, 3, 7],
    ['output', 'build', 14, 18],
    ['output', 'fake', 21, 36],
  ])
  t.equal(rb.source.slice(rb.regions[1]!.span.start.offset, rb.regions[1]!.span.end.offset).split('\n').pop(), '<!-- /runbook:output -->')
  t.same(rb.steps.map((s) => s.id), ['build'])
  t.equal(rb.steps[0]!.expectations.length, 0)
  t.equal(rb.blocks.length, 0, 'the output fence is not a documentation block')
  t.same(rb.checklist.map((c) => c.text), ['done?'])
  t.equal(rb.tables.length, 0)
})

t.test('an unclosed region warns and hides nothing', async (t) => {
  const rb = parseRunbook('<!-- runbook:output id=a -->\n```bash {#a}\nls\n```\n', {file: 'doc.md'})
  t.same(rb.diagnostics.map((d) => [d.severity, d.location]), [['warning', 'doc.md:1:1']])
  t.equal(rb.steps.length, 1)
})

t.test('a region at the very start of the file hides only itself', async (t) => {
  const source = '<!-- runbook:summary -->\nold summary\n<!-- /runbook:summary -->\n# Title\n\n```bash {#a}\necho a\n```\n'
  const runbook = parseRunbook(source, {file: 'top.md'})
  t.equal(runbook.regions.length, 1)
  t.same(runbook.steps.map((s) => s.id), ['a'])
  t.same(runbook.headings.map((h) => h.text), ['Title'])
})

t.test('region markers shown inside code are documentation, not regions', async (t) => {
  const source = [
    '# Syntax',
    '',
    '```markdown',
    '<!-- runbook:output id=x -->',
    '<!-- /runbook:output -->',
    '```',
    '',
    'Inline: `<!-- runbook:summary -->`.',
    '',
    '```bash {#b}',
    'echo b',
    '```',
    '',
  ].join('\n')
  const runbook = parseRunbook(source, {file: 'doc.md'})
  t.same(runbook.regions, [])
  t.same(runbook.steps.map((s) => s.id), ['b'])
  t.equal(runbook.diagnostics.filter((d) => d.ruleId === 'invalid-region').length, 0)
})
