import t from 'tap'
import {parseRunbook} from '../../lib/parse/index.js'

const text = `# Release

## Migrate

\`\`\`bash {#migrate}
alembic upgrade head
\`\`\`

## Checklist

- [ ] Database migrated ([run it](#migrate))
- [x] Smoke checks pass <!-- runbook: check=smoke,migrate -->
- [ ] Build the image:
  \`\`\`bash {#build}
  docker build .
  \`\`\`
- [ ] Tell the team (see [the guide](#checklist))
* [X] Upper-case X
- plain item, no box

<!-- runbook: http id=smoke -->
| URL |
|---|
| http://127.0.0.1/ |
`

t.test('task-list items know what they refer to: a contained step, a check comment, a link to a step', async (t) => {
  const rb = parseRunbook(text, {file: 'doc.md', dir: '/tmp'})
  t.same(rb.diagnostics, [])
  t.same(rb.checklist.map((c) => [c.line, c.checked, c.refKind, c.refs, c.text]), [
    [11, false, 'link', ['migrate'], 'Database migrated (run it)'],
    [12, true, 'check', ['smoke', 'migrate'], 'Smoke checks pass'],
    [13, false, 'contains', ['build'], 'Build the image:'],
    [17, false, 'none', [], 'Tell the team (see the guide)'],
    [18, true, 'none', [], 'Upper-case X'],
  ])
})

t.test('checkboxOffset points at the character between [ and ]', async (t) => {
  const rb = parseRunbook(text, {file: 'doc.md'})
  t.same(rb.checklist.map((c) => rb.source[c.checkboxOffset]), [' ', 'x', ' ', ' ', 'X'])
  t.same(rb.checklist.map((c) => rb.source.slice(c.checkboxOffset - 1, c.checkboxOffset + 2)), ['[ ]', '[x]', '[ ]', '[ ]', '[X]'])
})

t.test('nested and ordered task items', async (t) => {
  const rb = parseRunbook('1. [ ] outer\n   - [x] inner\n     ```sh {#deep}\n     ls\n     ```\n', {file: 'doc.md'})
  t.same(rb.checklist.map((c) => [c.text, c.refs, rb.source[c.checkboxOffset]]), [
    ['outer', ['deep'], ' '],
    ['inner', ['deep'], 'x'],
  ])
})

t.test('a check= comment naming no step is an error at the item', async (t) => {
  const rb = parseRunbook('```sh {#a}\nls\n```\n\n- [ ] done <!-- runbook: check=a,zz -->\n', {file: 'doc.md'})
  t.same(rb.diagnostics.map((d) => [d.format()]), [['doc.md:5:1: error: `check=zz` names no step of this runbook [unknown-dependency]']])
  t.same(rb.checklist[0]!.refs, ['a', 'zz'])
})
