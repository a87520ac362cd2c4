import t from 'tap'
import {anyChar, charSet, complement, digit, foldCase, notNewline, overlaps, single, space, word, type CharSet} from '../../lib/assert/charset.js'

// Character sets of the regex safety check. The classes are checked against JavaScript's own
// regexes, character by character, over the Basic Multilingual Plane and a few astral points.

const has = (set: CharSet, code: number) => overlaps(set, single(code))
const points = [...Array.from({length: 0x10000}, (_, i) => i), 0x10000, 0x1f600, 0x10fffe, 0x10ffff]

t.test('\\d, \\w, \\s and . hold exactly the characters JavaScript matches with them', async (t) => {
  for (const [name, set, regex] of [['\\d', digit, /\d/u], ['\\w', word, /\w/u], ['\\s', space, /\s/u], ['.', notNewline, /./u], ['[^]', anyChar, /[^]/u]] as const) {
    const wrong = points.filter((code) => has(set, code) !== regex.test(String.fromCodePoint(code)))
    t.same(wrong.slice(0, 5), [], `${name}: no character where the set and the regex disagree`)
  }
})

t.test('a set from ranges is sorted, merged where ranges touch or overlap, disjoint otherwise', async (t) => {
  t.same(charSet([[5, 7], [1, 2], [3, 4], [10, 12], [11, 20]]), [[1, 7], [10, 20]])
  t.same(charSet([[1, 10], [2, 3]]), [[1, 10]], 'a range inside another')
  t.same(charSet([[4, 5], [1, 2]]), [[1, 2], [4, 5]], 'a gap of one keeps them apart')
  t.same(charSet([]), [])
})

t.test('the complement holds every other code point up to U+10FFFF', async (t) => {
  t.same(complement([[3, 4]]), [[0, 2], [5, 0x10ffff]])
  t.same(complement([[0, 5], [10, 0x10ffff]]), [[6, 9]])
  t.same(complement([]), [[0, 0x10ffff]])
  t.same(complement(anyChar), [])
  t.same(complement([[0, 0], [2, 2]]), [[1, 1], [3, 0x10ffff]])
})

t.test('two sets overlap when one character is in both', async (t) => {
  t.equal(overlaps([[1, 3]], [[3, 5]]), true, 'touching at one point')
  t.equal(overlaps([[1, 3]], [[4, 5]]), false)
  t.equal(overlaps([[1, 2], [10, 12]], [[5, 6], [12, 20]]), true, 'found past the first ranges')
  t.equal(overlaps([[10, 12]], [[1, 2], [5, 6], [11, 11]]), true)
  t.equal(overlaps([[1, 2], [20, 30]], [[5, 6], [8, 9], [25, 25]]), true)
  t.equal(overlaps([[1, 2], [20, 30]], [[5, 6], [8, 9], [31, 40]]), false)
  t.equal(overlaps([], anyChar), false)
})

t.test('folding case adds the other case of ASCII letters only', async (t) => {
  t.same(foldCase([[0x61, 0x63]]), [[0x41, 0x43], [0x61, 0x63]], 'a-c gains A-C')
  t.same(foldCase([[0x41, 0x43]]), [[0x41, 0x43], [0x61, 0x63]], 'A-C gains a-c')
  t.same(foldCase([[0x5a, 0x61]]), [[0x41, 0x41], [0x5a, 0x61], [0x7a, 0x7a]], 'Z..a gains A and z')
  const digits = charSet([[0x30, 0x39]])
  t.equal(foldCase(digits), digits, 'no letters: the same set')
})
