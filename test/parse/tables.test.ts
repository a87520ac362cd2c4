import t from 'tap'
import {parseRunbook} from '../../lib/parse/index.js'

const text = `# Smoke

<!-- runbook: http id=smoke base=\${STAGING_BASE_URL} threshold=3/4 timeout=5s -->
| # | Method | Endpoint | Expected Status | Assertions | Notes |
|---|:------:|----------|----------------:|------------|-------|
| 1 | GET | /healthz | 200 | \`duration < 500\`; \`jsonpath "$.status" == "ok"\` | liveness |
| 2 | post | /api/login | 401 or 200 | | auth |
| 3 | GET | \`/readyz\` | 2xx | \`header "Cache-Control" contains "no-store"\` | |
| 4 | GET | /metrics | | | |
`

t.test('a table under <!-- runbook: http --> becomes a check table, columns found by header name', async (t) => {
  const rb = parseRunbook(text, {file: 'doc.md', dir: '/tmp'})
  t.same(rb.diagnostics, [])
  t.equal(rb.tables.length, 1)
  const table = rb.tables[0]!
  t.equal(table.id, 'smoke')
  t.equal(table.base, '${STAGING_BASE_URL}')
  t.same(table.threshold, {pass: 3, of: 4})
  t.equal(table.options.timeoutMs, 5000)
  t.same(table.columns, {method: 1, url: 2, status: 3, assertions: 4})
  t.same(table.align, [null, 'center', null, 'right', null, null])
  t.same(table.rows.map((r) => [r.index, r.method, r.url, r.status, r.asserts.map((a) => a.raw), r.span.start.line]), [
    [0, 'GET', '/healthz', {codes: [200], classes: []}, ['duration < 500', 'jsonpath "$.status" == "ok"'], 6],
    [1, 'POST', '/api/login', {codes: [401, 200], classes: []}, [], 7],
    [2, 'GET', '/readyz', {codes: [], classes: [2]}, ['header "Cache-Control" contains "no-store"'], 8],
    [3, 'GET', '/metrics', undefined, [], 9],
  ])
  t.equal(table.rows[0]!.cells[5], 'liveness')
  t.same([table.commentSpan.start.line, table.headerSpan.start.line, table.delimiterSpan.start.line, table.span.start.line, table.span.end.line], [3, 4, 5, 4, 9])
  t.equal(rb.source.slice(table.delimiterSpan.start.offset, table.delimiterSpan.end.offset), '|---|:------:|----------|----------------:|------------|-------|')
  t.ok(rb.annotated)
})

t.test('an existing Result column from a previous write-back is recorded', async (t) => {
  const rb = parseRunbook('<!-- runbook: http id=s -->\n| Method | Path | Status | Result |\n|---|---|---|---|\n| GET | /a | 200 | ✅ 200 · 12 ms |\n', {file: 'doc.md'})
  t.same(rb.tables[0]!.columns, {method: 0, url: 1, status: 2, result: 3})
})

t.test('tables take part in ids and document order with steps', async (t) => {
  const rb = parseRunbook('# Checks\n\n```bash {}\nstart\n```\n\n<!-- runbook: http -->\n| URL |\n|---|\n| http://a/ |\n\n```bash {}\nstop\n```\n', {file: 'doc.md'})
  t.same(rb.steps.map((s) => [s.id, s.index]), [['checks', 0], ['checks-3', 1]])
  t.same(rb.tables.map((x) => [x.id, x.index]), [['checks-2', 1]])
})

t.test('check-table problems are diagnostics at the cell', async (t) => {
  const rb = parseRunbook('<!-- runbook: http id=s threshold=most treshold=1/2 -->\n| Method | URL | Status | Assertions |\n|---|---|---|---|\n| GET | /a | soon | `status = 200` |\n\n<!-- runbook: http -->\n| Name |\n|---|\n| x |\n', {file: 'doc.md'})
  t.same(rb.diagnostics.map((d) => d.format()), [
    'doc.md:1:25: error: Invalid value `most` for `threshold`: expected passes/rows, e.g. 8/10 [invalid-annotation]',
    'doc.md:1:40: error: Unknown attribute `treshold` (did you mean `threshold`?) [invalid-annotation]',
    'doc.md:4:14: error: Invalid status `soon`: expected a code such as 200, a list (401 or 200) or a class (2xx) [invalid-annotation]',
    'doc.md:4:22: error: Invalid assertion `status = 200`: expected a predicate (== != <= >= < > contains startsWith endsWith matches exists count), got `=` [invalid-annotation]',
    'doc.md:7:1: error: Check table has no `Endpoint`, `Path` or `URL` column (expected columns Method, Endpoint/Path/URL, Expected Status, Assertions) [invalid-annotation]',
  ])
})

t.test('a table without the comment is documentation', async (t) => {
  const rb = parseRunbook('| Method | URL |\n|---|---|\n| GET | /a |\n', {file: 'doc.md'})
  t.equal(rb.tables.length, 0)
  t.equal(rb.annotated, false)
})
