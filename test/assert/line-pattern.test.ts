import t from 'tap'
import {compileLine, quote, splitPlaceholders} from '../../lib/assert/line-pattern.js'

// One expected line at a time: what kind of pattern it is, what it matches, how a miss is explained.

t.test('plain lines, `...`, (equal) and (no-eol)', async (t) => {
  const plain = compileLine('plain')
  t.same([plain.kind, plain.matches('plain'), plain.matches('other')], ['literal', true, false])
  t.equal(plain.explain('other'), 'expected "plain", got "other"')
  const ellipsis = compileLine('  ...  ')
  t.same([ellipsis.kind, ellipsis.matches('anything')], ['ellipsis', true])
  t.equal(compileLine('a ... b').kind, 'literal', '`...` inside a line is text')
  for (const suffix of ['(no-eol)', '(equal)']) {
    const line = compileLine(`keep ${suffix}`)
    t.same([line.kind, line.matches('keep'), line.matches(`keep ${suffix}`), line.matches('keep2')], ['literal', true, true, false], suffix)
    t.equal(line.explain('x'), 'expected "keep", got "x"')
  }
  t.same([compileLine('(re)').kind, compileLine('(re)').matches('')], ['literal', false], 'a suffix with nothing before it is text')
})

t.test('(re) is anchored as a whole; Scrut\'s (regex) puts ^ and $ around the text as written', async (t) => {
  const re = compileLine('a|b (re)')
  t.same([re.kind, re.matches('a'), re.matches('b'), re.matches('axx')], ['re', true, true, false])
  t.equal(re.explain('axx'), 'expected /a|b/ (re), got "axx"')
  const regex = compileLine('a|b (regex)')
  t.same([regex.matches('axx'), regex.matches('xxb'), regex.matches('xbx')], [true, true, false])
  t.equal(regex.explain('xbx'), 'expected /^a|b$/ (re), got "xbx"')
  t.equal(compileLine('a( (re)').error, 'invalid regular expression /a(/: Unterminated group')
})

t.test('(esc) decodes escapes, drops trailing blanks, and may match the line with its ANSI kept', async (t) => {
  const bold = compileLine('bold \\x1b[1m (esc)')
  t.equal(bold.kind, 'esc')
  t.equal(bold.matches('bold', 'bold \x1b[1m'), true, 'the raw line holds the sequence')
  t.equal(bold.matches('bold', 'bold'), false)
  t.equal(bold.explain('bold'), 'expected "bold \\u001b[1m" (esc), got "bold"')
  t.equal(compileLine('tab\\there  (esc)').matches('tab\there'), true)
  t.equal(compileLine('tab\\there (escaped)').matches('tab\there'), true, '(escaped) is the same')
  t.equal(compileLine('tab\\there (esc)').matches('tab here'), false)
})

t.test('(escaped) (glob): escapes decoded first, then the glob matched against the raw line', async (t) => {
  const line = compileLine('x\\ty* (escaped) (glob)')
  t.equal(line.kind, 'glob')
  t.equal(line.matches('x\ty1'), true)
  t.equal(line.matches('x y1'), false)
  t.equal(line.matches('plain', 'x\ty2'), true, 'the raw line is the one compared')
  t.equal(line.explain('x y1'), 'expected "x\\ty*" (glob), got "x y1"')
  t.same(compileLine('x (glob+)').repeat, {min: 1, max: Infinity})
  t.same(compileLine('x (?)').repeat, {min: 0, max: 1})
  t.same(compileLine('x (re*)').repeat, {min: 0, max: Infinity})
})

t.test('placeholders: the first one that does not fit is named', async (t) => {
  const line = compileLine('<int> items in <int> boxes')
  t.equal(line.kind, 'placeholder')
  t.equal(line.matches('3 items in 4 boxes'), true)
  t.equal(line.explain('3 items in x boxes'), 'expected <int>, got "x"')
  t.equal(line.explain('x items in 4 boxes'), 'expected <int>, got "x"')
  t.equal(line.explain('3 items in 4 crates'), 'expected "<int> items in <int> boxes", got "3 items in 4 crates"')
  t.equal(line.explain('x items'), 'expected "<int> items in <int> boxes", got "x items"')
  const escaped = compileLine('took <number>s on \\<host>')
  t.equal(escaped.matches('took 1.5s on <host>'), true, '\\< is a literal <')
  t.equal(escaped.explain('took xs on <host>'), 'expected <number>, got "x"')
  t.equal(compileLine('id <int>').explain('id 4x'), 'expected <int>, got "4x"', 'the last placeholder takes the rest')
  t.equal(compileLine('a <nope> b').kind, 'literal', 'an unknown name is text')
  t.equal(compileLine('a <nope> b').matches('a <nope> b'), true)
  t.equal(compileLine('a \\<b> c').matches('a <b> c'), true, 'a line with only escaped < is literal')
  t.same(splitPlaceholders('a\\<b <int> <bad> <int'), [{literal: 'a<b '}, {placeholder: 'int'}, {literal: ' <bad> <int'}])
})

t.test('quoted texts longer than 120 characters are cut to 117 and an ellipsis', async (t) => {
  t.equal(quote('y'.repeat(120)), JSON.stringify('y'.repeat(120)))
  t.equal(quote('y'.repeat(121)), JSON.stringify(`${'y'.repeat(117)}...`))
  t.equal(quote('a"b'), '"a\\"b"')
})
