// Write-back refuses a file whose bytes are not UTF-8 (lib/writeback/utf8-check.ts): where the
// first bad byte stands, for every way a byte sequence can fail to be UTF-8.
import t from 'tap'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {firstInvalidUtf8, rewriteRefusal} from '../../lib/writeback/utf8-check.js'

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))))

t.test('valid UTF-8 of every length has no bad byte', async (t) => {
  t.equal(firstInvalidUtf8(bytes('')), undefined)
  t.equal(firstInvalidUtf8(bytes('ascii\nline two\n')), undefined)
  t.equal(firstInvalidUtf8(bytes('é ß ¢ ࠀ € ￿ 𐀀 😀 \u{10FFFF}')), undefined, 'two, three and four bytes, lowest and highest')
  t.equal(firstInvalidUtf8(bytes([0xed, 0x9f, 0xbf])), undefined, 'U+D7FF, just below the surrogates')
  t.equal(firstInvalidUtf8(bytes([0xee, 0x80, 0x80])), undefined, 'U+E000, just above them')
  t.equal(firstInvalidUtf8(bytes([0x7f, 0xc2, 0x80, 0xdf, 0xbf, 0xe0, 0xa0, 0x80, 0xef, 0xbf, 0xbf, 0xf0, 0x90, 0x80, 0x80, 0xf4, 0x8f, 0xbf, 0xbf])), undefined, 'every boundary of every length')
})

t.test('each kind of bad byte is found, with its line and column', async (t) => {
  const cases: Array<[string, Buffer, {line: number; column: number; byte: number}]> = [
    ['a lone continuation byte', bytes('ab', [0x80]), {line: 1, column: 3, byte: 0x80}],
    ['continuation bytes in a row', bytes([0x80, 0x80, 0x80, 0x80]), {line: 1, column: 1, byte: 0x80}],
    ['an overlong lead before continuation bytes', bytes([0xc1, 0x80, 0x80, 0x80]), {line: 1, column: 1, byte: 0xc1}],
    ['an overlong two-byte lead', bytes([0xc1, 0xbf]), {line: 1, column: 1, byte: 0xc1}],
    ['0xC0', bytes([0xc0, 0x80]), {line: 1, column: 1, byte: 0xc0}],
    ['a lead above F4', bytes([0xf5, 0x80, 0x80, 0x80]), {line: 1, column: 1, byte: 0xf5}],
    ['0xFF', bytes('x', [0xff]), {line: 1, column: 2, byte: 0xff}],
    ['an overlong three-byte form', bytes([0xe0, 0x9f, 0xbf]), {line: 1, column: 1, byte: 0xe0}],
    ['a surrogate', bytes([0xed, 0xa0, 0x80]), {line: 1, column: 1, byte: 0xed}],
    ['an overlong four-byte form', bytes([0xf0, 0x8f, 0xbf, 0xbf]), {line: 1, column: 1, byte: 0xf0}],
    ['above U+10FFFF', bytes([0xf4, 0x90, 0x80, 0x80]), {line: 1, column: 1, byte: 0xf4}],
    ['a two-byte form cut by a new line', bytes([0xc3, 0x0a]), {line: 1, column: 1, byte: 0xc3}],
    ['a three-byte form with a bad second byte', bytes([0xe2, 0x28, 0xa1]), {line: 1, column: 1, byte: 0xe2}],
    ['a three-byte form with a bad third byte', bytes([0xe2, 0x82, 0x28]), {line: 1, column: 1, byte: 0xe2}],
    ['a four-byte form with a bad last byte', bytes([0xf0, 0x9f, 0x98, 0x41]), {line: 1, column: 1, byte: 0xf0}],
    ['a form cut by the end of the file', bytes('ok ', [0xe2, 0x82]), {line: 1, column: 4, byte: 0xe2}],
    ['a four-byte form cut by the end', bytes([0xf0, 0x9f, 0x98]), {line: 1, column: 1, byte: 0xf0}],
    ['on the third line, after multi-byte characters', bytes('one\ntwo\né€x', [0xa9]), {line: 3, column: 7, byte: 0xa9}],
  ]
  for (const [name, input, expected] of cases) t.same(firstInvalidUtf8(input), expected, name)
})

t.test('rewriteRefusal reads the file only when the text holds U+FFFD, and names the byte', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'utf8-check-'))
  t.teardown(() => rmSync(dir, {recursive: true, force: true}))
  const bad = path.join(dir, 'bad.md')
  writeFileSync(bad, bytes('# Title\nsome ', [0x0c, 0xe9], ' text\n'))
  t.equal(rewriteRefusal('bad.md', bad, 'no replacement character'), undefined, 'the file is not read without U+FFFD')
  t.equal(
    rewriteRefusal('bad.md', bad, '# Title\nsome \f\uFFFD text\n'),
    'cannot rewrite bad.md: byte 0xE9 at bad.md:2:7 is not UTF-8, and writing the file back would replace it; fix the encoding or use --out',
  )
  const good = path.join(dir, 'good.md')
  writeFileSync(good, '# A real \uFFFD in the text\n')
  t.equal(rewriteRefusal('good.md', good, '# A real \uFFFD in the text\n'), undefined, 'a U+FFFD written in the file is fine')
  const low = path.join(dir, 'low.md')
  writeFileSync(low, bytes([0x80]))
  t.match(rewriteRefusal('low.md', low, '\uFFFD'), /byte 0x80 at low\.md:1:1/, 'the byte in two hex digits')
})
