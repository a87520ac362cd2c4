import t from 'tap'
import {matchText} from '../../lib/assert/index.js'
import {parse, writeBack} from '../helpers/writeback.js'
import {makeResult} from '../helpers/make-result.js'

const source = [
  '# Doc',
  '',
  '- List it:',
  '  ```bash {#ls}',
  '  ./list',
  '  ```',
  '  ```text {expect}',
  '  <int> items',
  '  ...',
  '  total: 3',
  '  ```',
  '',
].join('\n')
const actual = '42 items\na\nb\ntotal: 4\n'

const failing = (runbook: ReturnType<typeof parse>, output = actual) => {
  const expectation = runbook.steps[0]!.expectations[0]!
  const match = matchText(expectation.body, output)
  return makeResult(runbook, {
    [runbook.steps[0]!.id]: {status: 'failed', stdout: output, expectationFailures: match.ok ? [] : [{index: 0, message: match.message ?? '', actual: output, ...(match.diff ? {diff: match.diff} : {})}]},
  })
}

t.test('--update rewrites only the lines that did not match, keeping pattern lines', async (t) => {
  const out = writeBack(source, {update: true, outputs: false}, (runbook) => failing(runbook))
  t.equal(out, source.replace('  total: 3\n', '  total: 4\n'))
  const blessed = parse(out).steps[0]!.expectations[0]!
  t.ok(matchText(blessed.body, actual).ok, 'the blessed expectation passes on the next run')
  t.notMatch(out, 'runbook:output', 'no output regions without --write')
})

t.test('--update with outputs writes regions too, and passes expectations that already pass untouched', async (t) => {
  const out = writeBack(source, {update: true, outputs: true}, (runbook) => failing(runbook))
  t.match(out, '  total: 4\n  ```\n  <!-- runbook:output id=ls status=failed -->')
  const passing = writeBack(source, {update: true, outputs: false}, (runbook) => makeResult(runbook))
  t.equal(passing, source)
})

t.test('--update lengthens the fence only when the output holds a fence', async (t) => {
  const fenced = 'shows:\n```\ncode\n```\n'
  const simple = '# D\n\n```bash {#show}\n./show\n```\n\n```text {expect}\nold\n```\n'
  const out = writeBack(simple, {update: true, outputs: false}, (runbook) => failing(runbook, fenced))
  t.equal(out, '# D\n\n```bash {#show}\n./show\n```\n\n````text {expect}\nshows:\n```\ncode\n```\n````\n')
  const expectation = parse(out).steps[0]!.expectations[0]!
  t.equal(expectation.body, fenced.trimEnd(), 'the parser reads the whole output back')
  const plain = writeBack(simple, {update: true, outputs: false}, (runbook) => failing(runbook, 'new\n'))
  t.match(plain, '```text {expect}\nnew\n```\n', 'fence kept as it was')
})

t.test('--update keeps CRLF line endings', async (t) => {
  const crlf = source.replace(/\n/g, '\r\n')
  const out = writeBack(crlf, {update: true, outputs: false}, (runbook) => failing(runbook))
  t.equal(out, crlf.replace('  total: 3\r\n', '  total: 4\r\n'))
})

t.test('--update of a contains expectation rewrites only the lines it looked for', async (t) => {
  const doc = '# D\n\n```bash {#log}\n./log\n```\n\n```text {expect=contains}\nbooting\nready on port 80\n```\n'
  const output = 'starting\nbooting\nready on port 8080\nserving\n'
  const out = writeBack(doc, {update: true, outputs: false}, (runbook) => {
    const match = matchText(runbook.steps[0]!.expectations[0]!.body, output, {mode: 'contains'})
    return makeResult(runbook, {log: {status: 'failed', stdout: output, expectationFailures: match.ok ? [] : [{index: 0, message: match.message ?? '', actual: output}]}})
  })
  const blessed = parse(out).steps[0]!.expectations[0]!
  t.ok(matchText(blessed.body, output, {mode: 'contains'}).ok, 'passes on the next run')
  t.equal(blessed.body, 'booting\nready on port 8080', 'did not copy the whole output into a contains block')
})
