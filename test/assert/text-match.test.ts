import t from 'tap'
import {matchText} from '../../lib/assert/index.js'

t.test('normalisation: CRLF, ANSI colours, trailing spaces and final newlines do not matter', async (t) => {
  t.ok(matchText('ok\ndone\n', 'ok\r\ndone\r\n\r\n').ok, 'CRLF and extra final newlines')
  t.ok(matchText('ok', '\u001b[32mok\u001b[0m\n').ok, 'ANSI colour codes stripped')
  t.ok(matchText('ok', '\u001b]8;;http://x\u0007ok\u001b]8;;\u0007').ok, 'OSC hyperlinks stripped')
  t.ok(matchText('ok   \ndone', 'ok\ndone   \n').ok, 'trailing spaces on either side')
  t.notOk(matchText('ok', ' ok').ok, 'leading spaces still count')
  t.notOk(matchText('ok\n\ndone', 'ok\ndone').ok, 'an empty line in the middle still counts')
})

t.test('whole output must match line by line', async (t) => {
  t.ok(matchText('a\nb', 'a\nb').ok)
  t.ok(matchText('', '\n\n').ok, 'empty expectation matches empty output')
  const extra = matchText('a\nb', 'a\nb\nc')
  t.notOk(extra.ok, 'an extra output line fails')
  t.match(extra.message, /output line 3: unexpected "c"/)
  const missing = matchText('a\nb\nc', 'a\nb')
  t.notOk(missing.ok, 'a missing line fails')
  t.match(missing.message, /line 3: expected "c", not found in the output/)
  t.match(matchText('a', '').message, /the output is empty/)
})

t.test('literal-first: a line equal to the output line always matches', async (t) => {
  t.ok(matchText('result (re)', 'result (re)').ok, 'output that really ends in " (re)"')
  t.ok(matchText('a*b (glob)', 'a*b (glob)').ok)
  t.ok(matchText('id <uuid>', 'id <uuid>').ok, 'a placeholder written out in the output')
  t.ok(matchText('[unclosed (re)', '[unclosed (re)').ok, 'even when the regex is invalid')
  t.ok(matchText('...', '...').ok)
})

t.test('`...` matches any number of lines, zero included, and backtracks', async (t) => {
  t.ok(matchText('start\n...\nend', 'start\nend').ok, 'zero lines')
  t.ok(matchText('start\n...\nend', 'start\n1\n2\n3\nend').ok, 'many lines')
  t.ok(matchText('...\nend', 'x\nend').ok, 'at the start')
  t.ok(matchText('start\n...', 'start\nx\ny').ok, 'at the end')
  t.ok(matchText('...\nb\n...\nb\nend', 'b\nb\nb\nend').ok, 'backtracks past a first candidate line')
  t.ok(matchText('...\nx <int>\nend', 'x 1\nx 2\nend').ok, 'a pattern line after it')
  const fail = matchText('start\n...\nend', 'start\nx\ny\nfin')
  t.notOk(fail.ok)
  t.match(fail.message, /line 3: expected "end"/)
})

t.test('`...` stays polynomial on long outputs', async (t) => {
  const actual = Array.from({length: 5000}, (_, i) => `line ${i}`).join('\n')
  const expected = '...\nline <int>\n...\nline 4999\n...\nnever'
  const result = matchText(expected, actual)
  t.notOk(result.ok, 'a line that never comes fails')
  t.match(result.message, /line 6: expected "never"/)
  t.ok(matchText('...\nline 2500\n...\nline 4999', actual).ok)
})

t.test('contains: the expected lines as one contiguous run anywhere', async (t) => {
  const output = 'header\nalpha\nbeta\ngamma\nfooter'
  t.ok(matchText('beta\ngamma', output, {mode: 'contains'}).ok)
  t.ok(matchText('alpha\n<any>\ngamma', output, {mode: 'contains'}).ok, 'with patterns inside')
  t.ok(matchText('', output, {mode: 'contains'}).ok, 'nothing expected')
  const split = matchText('alpha\ngamma', output, {mode: 'contains'})
  t.notOk(split.ok, 'not contiguous')
  t.match(split.message, /contiguous/)
  t.notOk(matchText('delta', output, {mode: 'contains'}).ok, 'absent line')
  t.notOk(matchText('beta\ngamma', output).ok, 'exact mode needs the whole output')
})

t.test('a failure names the line and the pattern that failed, with a unified diff', async (t) => {
  const result = matchText('HTTP 200\ncount: <int>\ndone\n', 'HTTP 200\ncount: 3.5\ndone\n')
  t.notOk(result.ok)
  t.equal(result.message, 'line 2: expected <int>, got "3.5"')
  t.equal(result.line, 2)
  t.equal(
    result.diff,
    [
      '--- expected',
      '+++ actual',
      '@@ -1,3 +1,3 @@',
      ' HTTP 200',
      '-count: <int>',
      '+count: 3.5',
      '? line 2: expected <int>, got "3.5"',
      ' done',
    ].join('\n'),
  )
})

t.test('the diff keeps far-apart changes in separate hunks with context', async (t) => {
  const expected = Array.from({length: 20}, (_, i) => `l${i}`)
  const actual = [...expected]
  actual[2] = 'X'
  actual[17] = 'Y'
  const result = matchText(expected.join('\n'), actual.join('\n'))
  const hunks = result.diff!.split('\n').filter((l) => l.startsWith('@@'))
  t.equal(hunks.length, 2)
  t.match(result.diff, /-l2\n\+X\n\? line 3/)
  t.match(result.diff, /-l17\n\+Y/)
  t.notMatch(result.diff, / l9\n/, 'lines far from any change are left out')
})

t.test('contains: a line inside the run is named by its line number in the output', async (t) => {
  const output = 'header\nsecond\nalpha\nintruder\ngamma\nfooter'
  const result = matchText('alpha\ngamma', output, {mode: 'contains'})
  t.notOk(result.ok)
  t.equal(result.message, 'output line 4: unexpected "intruder" inside the expected run (expected as one contiguous run in the output)')
})
