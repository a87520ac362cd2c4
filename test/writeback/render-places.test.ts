import t from 'tap'
import {makeResult} from '../helpers/make-result.js'
import {writeBack} from '../helpers/writeback.js'

// Where write-back puts things, which results get a region, and --update on JSON expectations.

const summary = (status: string, line: string) =>
  `<!-- runbook:summary -->\n| Step | Status | Attempts |\n| :--- | :--- | ---: |\n| \`a\` | ${status} | 1 |\n\n${line}\n<!-- /runbook:summary -->\n`
const passed = summary('✅ passed', '**passed** · 1 step (1 passed, 0 failed, 0 skipped) · runbook 0.1.0')
const region = '<!-- runbook:output id=a status=passed -->\n```text\noutput of a\n```\n<!-- /runbook:output -->\n'

t.test('with no heading the summary goes after the front matter, else at the end', async (t) => {
  t.equal(writeBack('---\ntitle: x\n---\n\n```bash {#a}\nx\n```\n'), `---\ntitle: x\n---\n\n${passed}\n\`\`\`bash {#a}\nx\n\`\`\`\n${region}`)
  t.equal(writeBack('Intro.\n\n```bash {#a}\nx\n```\n'), `Intro.\n\n\`\`\`bash {#a}\nx\n\`\`\`\n${region}\n${passed}`)
})

t.test('a region for each step that ran or was decided, none for steps that never started', async (t) => {
  const source = ['a', 'b', 'c', 'd'].map((id) => `\`\`\`bash {#${id}}\nx\n\`\`\`\n`).join('\n')
  const regions = (steps: Parameters<typeof makeResult>[1]) =>
    writeBack(`# D\n\n${source}`, {}, (runbook) => makeResult(runbook, steps)).split('\n').filter((line) => line.startsWith('<!-- runbook:output'))
  t.same(regions({a: {status: 'skipped', attempts: 0}, b: {status: 'not-run', attempts: 0}, c: {status: 'interrupted', attempts: 1}, d: {status: 'skipped', attempts: 0, condition: {text: 'false', met: false}}}), [
    '<!-- runbook:output id=c status=interrupted -->',
    '<!-- runbook:output id=d status=skipped -->',
  ], 'skipped or not run: none; interrupted after starting, or skipped by its condition: one')
  t.same(regions({a: {status: 'manual', attempts: 0}, b: {status: 'interrupted', attempts: 0}, c: {status: 'timed-out', attempts: 0}, d: {status: 'failed', attempts: 0}}), [
    '<!-- runbook:output id=a status=manual -->',
    '<!-- runbook:output id=c status=timed-out -->',
    '<!-- runbook:output id=d status=failed -->',
  ], 'manual, timed out and failed always get one; interrupted before starting does not')
})

t.test('--update: JSON is pretty-printed when it parses and kept as it came otherwise', async (t) => {
  const source = '# D\n\n```bash {#a}\nx\n```\n```json {expect}\n{"a": 1}\n```\n'
  const bless = (actual: string) => writeBack(source, {update: true, outputs: false}, (runbook) =>
    makeResult(runbook, {a: {status: 'failed', expectationFailures: [{index: 0, message: 'm', actual}]}}))
  t.equal(bless('{"a":2,"b":[1]}'), '# D\n\n```bash {#a}\nx\n```\n```json {expect}\n{\n  "a": 2,\n  "b": [\n    1\n  ]\n}\n```\n')
  t.equal(bless('not json'), '# D\n\n```bash {#a}\nx\n```\n```json {expect}\nnot json\n```\n')
})

t.test('--update only when asked, together with the output regions, and never on a block left open', async (t) => {
  const source = '# D\n\n```bash {#a}\nx\n```\n```text {expect}\nold\n```\n'
  const run = (text: string, update: boolean, outputs: boolean) => writeBack(text, {update, outputs}, (runbook) =>
    makeResult(runbook, {a: {status: 'failed', stdout: 'new\n', expectationFailures: [{index: 0, message: 'm', actual: 'new\n'}]}}))
  t.equal(run(source, false, false), source, 'not asked: unchanged')
  const both = run(source, true, true)
  t.match(both, '```text {expect}\nnew\n```\n<!-- runbook:output id=a status=failed -->\n**failed:** expected output did not match\n')
  const open = '# D\n\n```bash {#a}\nx\n```\n```text {expect}\nold\n'
  t.equal(run(open, true, false), open, 'an expectation block never closed is left alone')
})

t.test('--update inside a list item: blank lines of the new body carry no indent', async (t) => {
  const source = '# D\n\n- item\n  ```bash {#a}\n  x\n  ```\n  ```text {expect}\n  old\n  ```\n'
  const out = writeBack(source, {update: true, outputs: false}, (runbook) =>
    makeResult(runbook, {a: {status: 'failed', expectationFailures: [{index: 0, message: 'm', actual: 'a\n\nb\n'}]}}))
  t.equal(out, '# D\n\n- item\n  ```bash {#a}\n  x\n  ```\n  ```text {expect}\n  a\n\n  b\n  ```\n')
})
