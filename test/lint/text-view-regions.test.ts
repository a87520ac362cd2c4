// Issue 13: lint takes code regions from CommonMark (micromark), so a link shown as code — in an
// indented block, a `<pre>` block or a code span — is not checked, while the same link in prose is.
import path from 'node:path'
import t, {type Test} from 'tap'
import {runCli} from '../helpers/cli.js'

interface Finding {
  ruleId: string
  line: number
  message: string
}

// Lint one temp file with the JSON formatter and return its broken-file-reference findings.
async function brokenLinks(t: Test, doc: string): Promise<{code: number | null; findings: Finding[]}> {
  const dir = t.testdir({'doc.md': doc})
  const r = await runCli(['lint', path.join(dir, 'doc.md'), '--format', 'json'], {cwd: dir})
  const messages = JSON.parse(r.stdout) as Finding[]
  return {code: r.code, findings: messages.filter((m) => m.ruleId === 'broken-file-reference')}
}

t.test('a missing-file link inside an indented code block gives no finding', async (t) => {
  const {findings} = await brokenLinks(t, '# Doc\n\nExample:\n\n    See [the guide](missing-guide.md) here.\n\nEnd.\n')
  t.same(findings, [])
})

t.test('a missing-file link inside a <pre> block gives no finding', async (t) => {
  const {findings} = await brokenLinks(t, '# Doc\n\n<pre>\nSee [the guide](missing-guide.md)\n\n<a href="missing-page.html">x</a>\n</pre>\n\nEnd.\n')
  t.same(findings, [])
})

t.test('a missing-file link inside inline code gives no finding', async (t) => {
  const {findings} = await brokenLinks(t, '# Doc\n\nWrite `[the guide](missing-guide.md)` to link it.\n')
  t.same(findings, [])
})

t.test('the same missing-file link in plain prose is a broken-file-reference', async (t) => {
  const {code, findings} = await brokenLinks(t, '# Doc\n\nSee [the guide](missing-guide.md) here.\n')
  t.equal(findings.length, 1)
  t.equal(findings[0]!.line, 3)
  t.match(findings[0]!.message, /`missing-guide\.md` does not exist/)
  t.not(code, 3, 'not a crash')
})

t.test('prose links around the code regions are still checked, at the right line', async (t) => {
  const doc = '\uFEFF# Doc\n\n    [a](missing-a.md)\n\n<pre>[b](missing-b.md)</pre>\n\nSee [c](missing-c.md).\n'
  const {findings} = await brokenLinks(t, doc)
  t.same(findings.map((f) => f.line), [7])
  t.match(findings[0]!.message, /missing-c\.md/)
})
