import t from 'tap'
import {matchLiteral} from '../../lib/assert/literal.js'

// Byte-for-byte expectations (txm's `out`/`err` blocks): the output is the block's text plus one newline.

t.test('the output must be the text and its final newline, byte for byte', async (t) => {
  t.same(matchLiteral('hello', 'hello\n'), {ok: true})
  t.same(matchLiteral('a\nb', 'a\nb\n'), {ok: true})
  t.same(matchLiteral('hello', 'hello'), {ok: false, message: 'output differs byte for byte (whitespace or line endings): expected "hello\\n", got "hello"'})
  t.same(matchLiteral('hello', 'hello \n'), {ok: false, message: 'output differs byte for byte (whitespace or line endings): expected "hello\\n", got "hello \\n"'})
  t.same(matchLiteral('a\nb', 'a\r\nb\r\n'), {ok: false, message: 'output differs byte for byte (whitespace or line endings): expected "a\\nb\\n", got "a\\r\\nb\\r\\n"'})
})

t.test('when lines differ, the message and diff name the line', async (t) => {
  const result = matchLiteral('a\nb', 'a\nc\n')
  t.same(result, {
    ok: false,
    message: 'line 2: expected "b", got "c"',
    diff: '--- expected\n+++ actual\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n? line 2: expected "b", got "c"',
  })
})

t.test('a quoted text longer than 80 characters is cut in the message', async (t) => {
  const x = 'x'.repeat(100)
  const result = matchLiteral(x, `${x} \n`)
  const cut = `"${'x'.repeat(76)}..."`
  t.same(result, {ok: false, message: `output differs byte for byte (whitespace or line endings): expected ${cut}, got ${cut}`})
  const short = 'y'.repeat(76)
  t.same(matchLiteral(short, `${short}`), {ok: false, message: `output differs byte for byte (whitespace or line endings): expected "${short}\\n", got "${short}"`}, 'exactly 80 characters quoted: not cut')
})
