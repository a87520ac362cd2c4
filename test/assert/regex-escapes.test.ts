import t from 'tap'
import {checkRegexSafety} from '../../lib/assert/index.js'

// The safety check reads escapes and classes to know which characters each part can match: two
// alternatives under a `*` that can match the same character make a regex exponential, two that
// cannot are safe. So each escape is checked against a character it does and does not match.
const cases: Array<[string, string, boolean]> = [
  ['\\d', '5', false], ['\\d', 'a', true],
  ['\\D', 'a', false], ['\\D', '5', true],
  ['\\w', '_', false], ['\\w', '-', true],
  ['\\W', '-', false], ['\\W', 'a', true],
  ['\\s', ' ', false], ['\\s', 'a', true],
  ['\\S', 'a', false], ['\\S', ' ', true],
  ['\\n', '\\x0a', false], ['\\n', '\\x0d', true],
  ['\\r', '\\x0d', false], ['\\r', '\\x0a', true],
  ['\\t', '\\x09', false], ['\\t', '\\x0b', true],
  ['\\f', '\\x0c', false], ['\\f', '\\x0b', true],
  ['\\v', '\\x0b', false], ['\\v', '\\x0c', true],
  ['\\0', '\\x00', false], ['\\0', '0', true],
  ['\\cJ', '\\n', false], ['\\cJ', '\\r', true],
  ['\\x41', 'A', false], ['\\x41', 'B', true],
  ['\\xZZ', 'xZZ', false], ['\\xZZ', 'x', true],
  ['\\u0041', 'A', false], ['\\u{41}', 'A', false], ['\\u0041', 'B', true],
  ['\\uZZ', 'uZZ', false], ['\\uZZ', 'u', true],
  ['\\p{L}', 'a', false],
  ['\\.', '.', false], ['\\.', 'a', true],
  ['.', 'a', false],
  ['[a-c]', 'b', false], ['[a-c]', 'd', true],
  ['[^a-c]', 'd', false], ['[^a-c]', 'b', true],
  ['[\\d]', '5', false], ['[\\d]', 'a', true],
  ['[\\b]', '\\x08', false], ['[\\b]', 'b', true],
  ['[a\\-c]', '-', false], ['[a\\-c]', 'b', true],
  ['[\\x41-\\x43]', 'B', false], ['[\\x41-\\x43]', 'D', true],
  ['[\\d-z]', '-', false], ['[\\d-z]', 'z', false], ['[\\d-z]', 'y', true],
  ['a', 'A', true],
]

t.test('each escape and class matches the characters it should, and no others', async (t) => {
  for (const [part, other, safe] of cases) {
    const source = `^(?:${part}|${other})*$`
    t.equal(checkRegexSafety(source, '').safe, safe, `${source} is ${safe ? 'safe' : 'unsafe'}`)
  }
})

t.test('with the i flag, letters of either case overlap', async (t) => {
  t.equal(checkRegexSafety('^(?:a|A)*$', 'i').safe, false)
  t.equal(checkRegexSafety('^(?:[a-c]|B)*$', 'i').safe, false)
  t.equal(checkRegexSafety('^(?:\\x41|a)*$', 'i').safe, false)
  t.equal(checkRegexSafety('^(?:a|b)*$', 'i').safe, true)
})

t.test('a back-reference and a word boundary are read, not taken as letters', async (t) => {
  t.equal(checkRegexSafety('^(a)(?:\\1|1)*$', '').safe, false, 'a back-reference may match anything')
  t.equal(checkRegexSafety('^(?<x>a)(?:\\k<x>|k)*$', '').safe, false)
  t.equal(checkRegexSafety('^(?:\\bb|c)*$', '').safe, true, '\\b matches no character')
  t.equal(checkRegexSafety('^(?:\\Bb|b)*$', '').safe, false)
})
