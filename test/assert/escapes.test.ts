import t from 'tap'
import {decodeEscapes, encodeEscapes, needsEscaping} from '../../lib/assert/escapes.js'
import {normalizeLines, normalizeText, rawLines} from '../../lib/assert/normalize.js'

t.test('(esc) lines: named escapes, \\xNN and \\uNNNN decode; anything else stays as written', async (t) => {
  t.equal(decodeEscapes('\\t\\r\\n\\0\\a\\b\\f\\v\\e\\\\'), '\t\r\n\0\x07\b\f\v\x1b\\')
  t.equal(decodeEscapes('\\x41\\u0042'), 'AB')
  t.equal(decodeEscapes('\\x4 \\u12 \\q'), '\\x4 \\u12 \\q', 'short or unknown escapes are kept')
})

t.test('a line is escaped when it holds control characters; backslashes are doubled', async (t) => {
  t.equal(encodeEscapes('a\\b\x1b\x7f\x9f\x00\x08\x0b\x1f'), 'a\\\\b\\x1b\\x7f\\x9f\\x00\\x08\\x0b\\x1f')
  t.equal(encodeEscapes('tab\there\u00a0'), 'tab\there\u00a0', 'a tab and a no-break space show as they are')
  t.equal(decodeEscapes(encodeEscapes('a\\b\x1b[0m\x00')), 'a\\b\x1b[0m\x00', 'decoding undoes encoding')
  t.same([needsEscaping('\t'), needsEscaping('\x1b'), needsEscaping('\u00a0'), needsEscaping('\x9f'), needsEscaping('\x00')], [false, true, false, true, true])
})

t.test('normalised lines: no CR, no ANSI, no trailing blanks, no final empty lines', async (t) => {
  const text = 'a  \t\r\nb\x1b[31mc\x1b[0m \n\n\t\n'
  t.same(normalizeLines(text), ['a', 'bc'])
  t.same(rawLines(text), ['a', 'b\x1b[31mc\x1b[0m'], 'raw lines keep ANSI, one for one')
  t.equal(normalizeText('x \r\ny\n\n'), 'x\ny')
  t.same(normalizeLines(''), [])
  t.same(normalizeLines('\n\n'), [])
  t.same(normalizeLines('a\n\nb'), ['a', '', 'b'], 'an empty line inside stays')
  t.same(normalizeLines('  lead'), ['  lead'], 'leading blanks stay')
})
