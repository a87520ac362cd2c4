import t from 'tap'
import {compileUserRegex} from '../../lib/assert/index.js'

t.test('a regex JavaScript refuses is explained with its own message, without the prefix', async (t) => {
  t.same(compileUserRegex('a('), {ok: false, message: 'invalid regular expression /a(/: Unterminated group'})
  t.same(compileUserRegex('[z-a]'), {ok: false, message: 'invalid regular expression /[z-a]/: Range out of order in character class'})
  t.same(compileUserRegex('a', {flags: 'x'}), {ok: false, message: "invalid regular expression /a/: Invalid flags supplied to RegExp constructor 'x'"})
})

t.test('whole: anchored to the whole text; otherwise a search; flags apply', async (t) => {
  const whole = compileUserRegex('b|c', {whole: true})
  t.ok(whole.ok && whole.test('b') === true && whole.test('c') === true)
  t.ok(whole.ok && whole.test('abc') === false, 'the alternation is anchored as a whole')
  const search = compileUserRegex('b')
  t.ok(search.ok && search.test('abc') === true && search.test('xyz') === false)
  const folded = compileUserRegex('B', {flags: 'i'})
  t.ok(folded.ok && folded.test('abc') === true)
  const plain = compileUserRegex('B')
  t.ok(plain.ok && plain.test('abc') === false, 'the same source without the flag is another regex')
  const anchored = compileUserRegex('b', {whole: true})
  t.ok(anchored.ok && anchored.test('abc') === false, 'the same source anchored is another regex')
})
