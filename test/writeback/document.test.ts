import t from 'tap'
import {applyEdits} from '../../lib/writeback/index.js'
import {fixture, parse, stripOwned, writeBack} from '../helpers/writeback.js'
import {makeResult} from '../helpers/make-result.js'

const shapes: Record<string, string> = {
  'nested list steps, tilde fence, setext heading, front matter, blockquote': fixture('nested-list.md'),
  'no final newline': fixture('no-final-newline.md'),
  'CRLF line endings': fixture('nested-list.md').replace(/\n/g, '\r\n'),
  'a check table with alignment': fixture('table.md'),
  'checklists': fixture('checklist.md'),
  'no heading at all': 'Just text.\n\n```bash {#a}\necho a\n```\n',
  'front matter and no heading': '---\ntitle: x\n---\n```bash {#a}\necho a\n```\n',
  'a step at the very end without a closing fence': '# T\n\n```bash {#a}\necho a\n```\n\n```bash {#b}\necho b',
}

t.test('with nothing to write, the document comes back byte for byte', async (t) => {
  for (const [name, source] of Object.entries(shapes)) {
    t.equal(writeBack(source, {outputs: false, update: false}), source, name)
    t.equal(applyEdits(source, []), source, `${name}: no edits`)
  }
})

t.test('a written document written again is a fixed point under --stable', async (t) => {
  for (const [name, source] of Object.entries(shapes)) {
    const once = writeBack(source)
    t.not(once, source, `${name}: the first write adds results`)
    const twice = writeBack(once)
    t.equal(twice, once, `${name}: the second write changes nothing`)
    t.equal(writeBack(twice), once, `${name}: nor the third`)
    const runbook = parse(once)
    const regionIds = runbook.regions.filter((r) => r.kind === 'output').map((r) => r.stepId)
    t.same(regionIds, [...new Set(regionIds)], `${name}: one region per step`)
    t.equal(runbook.regions.filter((r) => r.kind === 'summary').length, 1, `${name}: one summary`)
  }
})

t.test('every byte outside the owned regions stays as it was', async (t) => {
  // Ticking a box is the one change write-back makes outside its regions: compare with every box
  // cleared on both sides, so each other byte of every shape is checked.
  const unticked = (text: string) => text.replace(/^([ \t>]*[-*+] )\[[xX]\]/gm, '$1[ ]')
  for (const [name, source] of Object.entries(shapes)) {
    const written = writeBack(source)
    t.not(written, source, `${name}: write-back added something`)
    t.equal(unticked(stripOwned(written)), unticked(source), name)
  }
})

t.test('the steps, expectations and blocks of the document are the same after write-back', async (t) => {
  for (const [name, source] of Object.entries(shapes)) {
    const before = parse(source)
    const after = parse(writeBack(source, {stable: false}))
    t.same(after.steps.map((s) => [s.id, s.code, s.expectations.length]), before.steps.map((s) => [s.id, s.code, s.expectations.length]), name)
    t.equal(after.blocks.length, before.blocks.length, `${name}: no new documentation blocks`)
    t.same(after.frontMatter?.data, before.frontMatter?.data, `${name}: front matter unchanged`)
  }
})

t.test('CRLF documents stay CRLF', async (t) => {
  const out = writeBack(shapes['CRLF line endings']!, {stable: false})
  t.notMatch(out, /[^\r]\n/, 'no bare LF')
  t.match(out, '<!-- runbook:output id=build status=passed duration=1.2s -->\r\n')
})

t.test('regions take the indentation of nested list steps and the quote markers of quoted ones', async (t) => {
  const out = writeBack(fixture('nested-list.md'))
  t.match(out, '   ```\n   <!-- runbook:output id=build status=passed -->\n   ```text\n   output of build\n   ```\n   <!-- /runbook:output -->\n')
  t.match(out, '     ~~~\n     <!-- runbook:output id=nested status=passed -->\n     ```text\n')
  t.match(out, '   ```\n   <!-- runbook:output id=check status=passed -->', 'after the expect block, not the step')
  t.match(out, '> ```\n> <!-- runbook:output id=quoted status=passed -->\n> ```text\n> output of quoted\n')
  const item = parse(out).checklist[0]!
  t.match(out.slice(item.span.start.offset, item.span.end.offset), '<!-- /runbook:output -->', 'the region stays inside its list item')
})

t.test('a file without a final newline keeps ending without one', async (t) => {
  const out = writeBack(fixture('no-final-newline.md'))
  t.ok(out.endsWith('<!-- /runbook:output -->'))
  t.equal(writeBack(out), out)
})

t.test('the summary goes after the first heading, with dates, host and durations only when not stable', async (t) => {
  const source = fixture('nested-list.md')
  const full = writeBack(source, {stable: false})
  t.match(full, '==================\n\n<!-- runbook:summary -->\n| Step | Status | Attempts | Duration |')
  t.match(full, /2026-11-23 12:00:00 UTC · host build-host · commit 0123456789ab · runbook 0\.1\.0/)
  const stable = writeBack(source, {stable: true})
  t.notMatch(stable, /2026|build-host|1\.2s|0123456789ab/, 'nothing volatile when stable')
  t.match(stable, '| `build` | ✅ passed | 1 |')
})

t.test('a re-run replaces the region of a step and the summary instead of adding new ones', async (t) => {
  const first = writeBack(fixture('checklist.md'))
  const second = writeBack(first, {stable: false}, (runbook) => makeResult(runbook, {test: {status: 'failed', exitCode: 2, reason: 'exit code 2 (expected 0)', stdout: 'FAIL x\n'}}))
  const runbook = parse(second)
  t.equal(runbook.regions.length, 5, 'four steps, one summary')
  t.match(second, '<!-- runbook:output id=test status=failed duration=1.2s -->\n**failed:** exit code 2 (expected 0)')
  t.notMatch(second, 'output of test')
})
