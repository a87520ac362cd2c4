import t from 'tap'
import {blessText, matchText} from '../../lib/assert/index.js'

// Scrut's quantified lines: `(re+)` one or more output lines, `(re*)` any number, `(?)` zero or one.

t.test('a quantified line stands for as many output lines as its quantifier allows', async (t) => {
  t.ok(matchText('start\nitem \\d+ (re+)\nend', 'start\nitem 1\nitem 2\nitem 3\nend').ok, '(re+): three lines')
  t.ok(matchText('start\nitem \\d+ (re+)\nend', 'start\nitem 1\nend').ok, '(re+): one line')
  t.ok(matchText('start\nitem \\d+ (re*)\nend', 'start\nend').ok, '(re*): no line')
  t.ok(matchText('a (+)\nb', 'a\na\na\nb').ok, '(+): a literal line repeated')
  t.ok(matchText('x* (glob*)\nend', 'xa\nxb\nend').ok, '(glob*)')
  t.ok(matchText('start\noptional (?)\nend', 'start\nend').ok, '(?): absent')
  t.ok(matchText('start\noptional (?)\nend', 'start\noptional\nend').ok, '(?): present once')
  t.ok(matchText('id \\d+ (re+)\nend', 'pre\nid 1\nid 2\nend\npost', {mode: 'contains'}).ok, 'inside a contains run')
})

t.test('one or more means at least one', async (t) => {
  const result = matchText('start\nitem \\d+ (re+)\nend', 'start\nend')
  t.notOk(result.ok)
  t.equal(result.line, 2)
  t.equal(result.message, 'line 2: expected "item \\\\d+ (re+)", not found in the output')
  t.match(result.diff, /^-item \\d\+ \(re\+\)$/m)
  t.equal(matchText('a (+)\nb', 'b').message, 'line 1: expected "a (+)", not found in the output')
})

t.test('zero or one means at most one: a second line is unexpected, and the diff shows it', async (t) => {
  const result = matchText('start\noptional (?)\nend', 'start\noptional\noptional\nend')
  t.notOk(result.ok)
  t.equal(result.message, 'output line 3: unexpected "optional" (not in the expected output)')
  t.equal(result.diff, [
    '--- expected',
    '+++ actual',
    '@@ -1,3 +1,4 @@',
    ' start',
    ' optional (?)',
    '+optional',
    '? output line 3: unexpected "optional" (not in the expected output)',
    ' end',
  ].join('\n'))
})

t.test('a line inside a quantified run that does not match is named by its output line', async (t) => {
  const inside = matchText('start\nitem \\d+ (re+)\nend', 'start\nitem 1\nitem x\nitem 2\nend')
  t.equal(inside.message, 'output line 3: unexpected "item x" (not in the expected output)')
  t.match(inside.diff, /^\+item x$/m)
  const after = matchText('head\n\\d+ (re*)\ntail', 'head\n1\n2\nzz\ntail')
  t.equal(after.message, 'output line 4: unexpected "zz" (not in the expected output)')
  t.match(after.diff, /^ \\d\+ \(re\*\)\n\+zz$/m)
  const glob = matchText('x* (glob*)\nend', 'xa\nya\nend')
  t.equal(glob.message, 'output line 2: unexpected "ya" (not in the expected output)')
  const extra = matchText('start\nitem \\d+ (re+)\nend', 'start\nitem 1\nitem 2\nend\nextra')
  t.equal(extra.message, 'output line 5: unexpected "extra" (not in the expected output)')
  t.match(extra.diff, /^ item \\d\+ \(re\+\)\n end\n\+extra$/m)
  const contained = matchText('id \\d+ (re+)\nend', 'pre\nid 1\nid x\nend\npost', {mode: 'contains'})
  t.equal(contained.message, 'line 1: expected "id \\\\d+ (re+)", not found (expected as one contiguous run in the output)')
})

t.test('--update keeps a quantified line that still matches and rewrites only the rest', async (t) => {
  t.equal(blessText('a\nitem \\d+ (re+)\nb\n', 'a\nitem 1\nitem 2\nc\n'), 'a\nitem \\d+ (re+)\nc\n')
  t.equal(blessText('a\nitem \\d+ (re+)\nb\n', 'a\nitem 1\nnope\nb\n'), 'a\nitem \\d+ (re+)\nnope\nb\n')
  t.equal(blessText('a\nitem \\d+ (re*)\nb\n', 'a\nb\n'), 'a\nitem \\d+ (re*)\nb\n', 'already matching: unchanged')
  t.equal(blessText('start\noptional (?)\nend\n', 'start\noptional\noptional\nend\n'), 'start\noptional (?)\noptional\nend\n')
})

t.test('an alignment too large to compute line by line still names the first difference', async (t) => {
  // 2,100 expected lines against 2,100 output lines, none equal: past the 4,000,000-cell limit,
  // every expected line is dropped and every output line added.
  const expected = Array.from({length: 2100}, (_, i) => `line ${i}`)
  const actual = expected.map((line) => `${line}!`)
  const result = matchText(expected.join('\n'), actual.join('\n'))
  t.equal(result.message, 'line 1: expected "line 0", got "line 0!"')
  const diff = result.diff!.split('\n')
  t.same(diff.slice(0, 5), ['--- expected', '+++ actual', '@@ -1,2100 +1,2100 @@', '-line 0', '-line 1'])
  t.equal(diff.at(-1), '… diff cut at 400 lines')
  t.same(blessText(expected.join('\n'), actual.join('\n')).split('\n'), actual, '--update writes the output')
  const withEllipsis = matchText(`...\n${expected.join('\n')}`, `x\n${actual.join('\n')}`)
  t.equal(withEllipsis.message, 'line 2: expected "line 0", got "x"')
  t.same(withEllipsis.diff!.split('\n').slice(3, 6), [' ...', '-line 0', '-line 1'], 'a `...` is kept in place, covering nothing')
})
