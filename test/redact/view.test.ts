// The view the redactor searches besides the text itself (lib/redact/view.ts): no colours, no
// control characters, no line breaks; and masking through that view (lib/redact/redactor.ts).
import t from 'tap'
import {originalOffset, viewOf} from '../../lib/redact/view.js'
import {createRedactor, secretForms} from '../../lib/redact/index.js'

const red = '\u001b[31m'
const reset = '\u001b[0m'

t.test('a text with nothing to remove is its own view', async (t) => {
  t.equal(viewOf('plain text\twith a tab'), undefined)
})

t.test('escape sequences, line breaks and control characters leave the view; offsets map back', async (t) => {
  const text = `${red}ab${reset}c\r\nd\u0007e\u007f`
  const view = viewOf(text)!
  t.equal(view.text, 'abcde')
  t.same(view.viewStarts, [0, 2, 3, 4])
  t.same(view.originalStarts, [5, 11, 14, 16])
  t.equal(view.originalLength, text.length)
  t.same([0, 1, 2, 3, 4].map((offset) => text[originalOffset(view, offset)]), ['a', 'b', 'c', 'd', 'e'])
  t.equal(originalOffset(view, 5), text.length, 'past the end: the original length')
  t.equal(originalOffset(view, 99), text.length)
  const tail = viewOf('x\ny')!
  t.same([tail.text, tail.viewStarts, tail.originalStarts], ['xy', [0, 1], [0, 2]])
  const many = viewOf('a\nb\nc\nd\ne\nf\ng')!
  t.same([0, 1, 2, 3, 4, 5, 6].map((offset) => originalOffset(many, offset)), [0, 2, 4, 6, 8, 10, 12], 'the search finds each of many segments')
})

t.test('a secret split by colours or wrapped over lines is masked, the line breaks kept', async (t) => {
  const redactor = createRedactor(['split-secret-value'])
  t.equal(redactor.redact(`x split-${red}secret${reset}-value y`), 'x *** y')
  t.equal(redactor.redact('x split-secr\net-value y'), 'x ***\n y')
  t.equal(redactor.redact('a\nb split-secret-value'), 'a\nb ***', 'a line break elsewhere leaves the rest as it was')
})

t.test('the longest form wins when one secret is part of another', async (t) => {
  const redactor = createRedactor(['abcdef', 'abcdefghij'])
  t.equal(redactor.redact('[abcdefghij] [abcdef]'), '[***] [***]')
})

t.test('values added during a run are masked by later texts and by open streams', async (t) => {
  const redactor = createRedactor([])
  const stream = redactor.stream()
  t.equal(stream.write('before new-token-1 '), 'before new-token-1 ', 'not known yet: shown')
  redactor.add(['new-token-1'])
  t.equal(redactor.redact('now new-token-1'), 'now ***')
  const out = stream.write('then new-token-1 and more text after it') + stream.end()
  t.equal(out, 'then *** and more text after it')
  redactor.add(['new-token-1'])
  t.equal(redactor.redact('again new-token-1'), 'again ***', 'adding a known value again changes nothing')
})

t.test('a stream holds back only what a later chunk could still complete', async (t) => {
  const redactor = createRedactor(['hold-back-secret'])
  const stream = redactor.stream()
  const text = '0123456789'.repeat(5)
  const hold = Math.max(...secretForms('hold-back-secret').map((form) => form.length)) - 1
  const first = stream.write(text)
  t.equal(first, text.slice(0, text.length - hold), 'the longest form minus one character waits')
  t.equal(stream.end(), text.slice(text.length - hold))
  const colours = redactor.stream()
  const shown = colours.write(`${'x'.repeat(40)}\u001b[3`)
  t.notOk(shown.includes('\u001b'), 'an escape sequence cut in half waits for its end')
  t.equal(shown + colours.write('1mtext') + colours.end(), `${'x'.repeat(40)}\u001b[31mtext`)
})

t.test('a secret that a longer one starts with waits for the next chunk, at every cut', async (t) => {
  const redactor = createRedactor(['abcdef', 'abcdef-longer'])
  const text = `x abcdef-longer y ${'z'.repeat(60)} abcdef.`
  for (let cut = 1; cut < text.length; cut++) {
    const stream = redactor.stream()
    t.equal(stream.write(text.slice(0, cut)) + stream.write(text.slice(cut)) + stream.end(), `x *** y ${'z'.repeat(60)} ***.`, `cut at ${cut}`)
  }
})

t.test('an unfinished escape sequence is held back, but not one begun more than 64 characters ago', async (t) => {
  const redactor = createRedactor(['some-secret'])
  const unfinished = `\u001b[${'1;'.repeat(20)}` // a colour sequence cut before its final letter
  const stream = redactor.stream()
  t.equal(stream.write(`see ${unfinished}`), 'see ', 'the sequence waits whole')
  t.equal(stream.write('31mred') + stream.end(), `${unfinished}31mred`)
  const long = `\u001b[${'1;'.repeat(40)}`
  const other = redactor.stream()
  const shown = other.write(`see ${long}`)
  t.ok(shown.startsWith('see \u001b[1;1;'), 'begun too long ago: not held back whole')
  t.equal(shown + other.end(), `see ${long}`)
})

t.test('a colour sequence inside a secret split across chunks does not release its first half', async (t) => {
  const redactor = createRedactor(['some-secret'])
  const stream = redactor.stream()
  const first = stream.write(`x some-sec${red}`)
  t.notMatch(first, 'some-sec')
  t.equal(first + stream.write(`ret${reset} y`) + stream.end(), `x ***${reset} y`)
})

t.test('an unfinished sequence is held when it began fewer than 64 characters before the end', async (t) => {
  const redactor = createRedactor(['some-secret'])
  for (const [length, held] of [[63, true], [64, false]] as const) {
    const sequence = `\u001b[${'1'.repeat(length - 2)}`
    const stream = redactor.stream()
    const shown = stream.write(`see ${sequence}`)
    t.equal(shown === 'see ', held, `${length} characters: ${held ? 'held back whole' : 'not held whole'}`)
    t.equal(shown + stream.end(), `see ${sequence}`)
  }
})
