import t from 'tap'
import {createRedactor} from '../../lib/redact/index.js'
import {parse, writeBack} from '../helpers/writeback.js'
import {makeResult} from '../helpers/make-result.js'

const doc = '# Doc\n\n```bash {#emit}\n./emit\n```\n\nAfter.\n'

t.test('output holding fence lines, ANSI/OSC sequences and region markers cannot change the document structure', async (t) => {
  const hostile = [
    '\x1b[31mred\x1b[0m and \x1b]8;;https://evil.example\x07link\x1b]8;;\x07',
    '\x1b]0;window title\x1b\\plain',
    '```',
    '~~~~~',
    '````````',
    '<!-- /runbook:output -->',
    '<!-- runbook:summary -->',
    '# not a heading',
    'bell\x07 null\x00 backspace\x08 done',
    'progress 10%\rprogress 100%',
  ].join('\n')
  const out = writeBack(doc, {}, (runbook) => makeResult(runbook, {emit: {stdout: `${hostile}\n`}}))
  t.notMatch(out, /[\x00-\x08\x0b-\x1f\x7f]/, 'no control characters or escape sequences in the document')
  t.match(out, '`````````text\n', 'the fence is longer than any run inside')
  t.match(out, 'red and link\nplain\n```\n~~~~~\n````````\n')
  t.match(out, 'bell null backspace done\nprogress 100%\n')
  const runbook = parse(out)
  t.same(runbook.steps.map((s) => s.id), ['emit'])
  t.equal(runbook.headings.length, 1, 'no new heading')
  t.same(runbook.regions.map((r) => r.kind), ['summary', 'output'], 'exactly our two regions')
  t.match(out.slice(runbook.regions[1]!.span.end.offset), /^\n\nAfter\.\n$/, 'the region ends where we closed it')
  t.equal(writeBack(out, {}, (rb) => makeResult(rb, {emit: {stdout: `${hostile}\n`}})), out, 'and it is a fixed point')
})

t.test('long output keeps its head and tail around a count of omitted lines', async (t) => {
  const lines = Array.from({length: 1000}, (_, i) => `line ${i + 1}`)
  const out = writeBack(doc, {maxLines: 10}, (runbook) => makeResult(runbook, {emit: {stdout: `${lines.join('\n')}\n`}}))
  t.match(out, '```text\nline 1\nline 2\nline 3\nline 4\nline 5\n… 990 lines omitted …\nline 996\nline 997\nline 998\nline 999\nline 1000\n```')
  const bounded = writeBack(doc, {}, (runbook) =>
    makeResult(runbook, {emit: {stdout: {head: 'first\nsecond\n', tail: 'last\n', omittedLines: 5000, totalBytes: 1e9}}}),
  )
  t.match(bounded, '```text\nfirst\nsecond\n… 5000 lines omitted …\nlast\n```', 'output the executor kept bounded')
  const defaults = writeBack(doc, {}, (runbook) => makeResult(runbook, {emit: {stdout: `${lines.join('\n')}\n`}}))
  t.match(defaults, '… 800 lines omitted …', 'the default keeps 200 lines')
})

t.test('a failed step shows why: exit code, expectation diff or timeout, with its stderr', async (t) => {
  const source = '# Doc\n\n```bash {#a}\nexit 3\n```\n\n```bash {#b needs=}\necho hi\n```\n\n```text {expect}\nhello\n```\n\n```bash {#c needs=}\nsleep 9\n```\n'
  const out = writeBack(source, {}, (runbook) =>
    makeResult(runbook, {
      a: {status: 'failed', exitCode: 3, reason: 'exit code 3 (expected 0)', stdout: '', stderr: 'boom\n'},
      b: {status: 'failed', expectationFailures: [{index: 0, message: 'line 1: expected "hello", got "hi"', diff: '--- expected\n+++ actual\n-hello\n+hi\n', actual: 'hi\n'}], stdout: 'hi\n'},
      c: {status: 'timed-out', exitCode: null, signal: 'SIGTERM', stdout: ''},
    }),
  )
  t.match(out, '<!-- runbook:output id=a status=failed -->\n**failed:** exit code 3 (expected 0)\n\n```text stderr\nboom\n```\n<!-- /runbook:output -->')
  t.match(out, '**failed:** expected output did not match\n\nExpectation 1: line 1: expected "hello", got "hi"\n\n```diff\n--- expected\n+++ actual\n-hello\n+hi\n```')
  t.match(out, '<!-- runbook:output id=c status=timed-out -->\n**timed-out:** timed out\n<!-- /runbook:output -->')
  t.match(out, '```\n<!-- runbook:output id=b', 'the region of b comes after its expect block')
})

t.test('output=hide keeps the output out; output=collapse folds it in <details>', async (t) => {
  const source = '# Doc\n\n```bash {#quiet output=hide}\necho a\n```\n\n```bash {#folded output=collapse}\necho b\n```\n'
  const out = writeBack(source)
  t.match(out, '<!-- runbook:output id=quiet status=passed -->\n<!-- /runbook:output -->')
  t.notMatch(out, 'output of quiet')
  t.match(out, '<!-- runbook:output id=folded status=passed -->\n<details><summary>Output</summary>\n\n```text\noutput of folded\n```\n\n</details>\n<!-- /runbook:output -->')
})

t.test('secrets never reach the document, whatever their encoding', async (t) => {
  const token = 'ghp_Zq9-secret+value/42'
  const redactor = createRedactor([token])
  const leaks = [token, encodeURIComponent(token), Buffer.from(token).toString('base64')].join('\n')
  const out = writeBack(doc, {redactor, stable: false}, (runbook) =>
    makeResult(runbook, {emit: {status: 'failed', reason: `exit 1 using ${token}`, stdout: `${leaks}\n`, stderr: `auth ${token}\n`}}),
  )
  t.notMatch(out, 'ghp_Zq9')
  t.notMatch(out, encodeURIComponent(token))
  t.notMatch(out, Buffer.from(token).toString('base64').slice(0, 12))
  t.match(out, '```text\n***\n***\n***\n```')
})

t.test('steps that did not run keep their old region; steps that ran get a new one', async (t) => {
  const source = '# Doc\n\n```bash {#a}\necho a\n```\n\n```bash {#b}\necho b\n```\n'
  const first = writeBack(source)
  const second = writeBack(first, {}, (runbook) => makeResult(runbook, {a: {stdout: 'new a\n'}, b: {status: 'not-run', attempts: 0, stdout: ''}}))
  t.match(second, 'new a')
  t.match(second, 'output of b', 'the region of b from the first run is kept')
})
