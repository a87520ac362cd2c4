import t from 'tap'
import {blessText, matchText} from '../../lib/assert/index.js'

t.test('a matching expectation is returned unchanged', async (t) => {
  const expected = 'id: <uuid>\n...\ndone\n'
  t.equal(blessText(expected, 'id: 123e4567-e89b-12d3-a456-426614174000\nx\ndone\n'), expected)
})

t.test('only the lines that did not match are rewritten', async (t) => {
  const expected = 'started <timestamp>\nversion \\d+ (re)\n...\ncount: 3\nbye\n'
  const actual = 'started 2026-11-23T12:25:48Z\nversion 7\nnoise\nmore noise\ncount: 4\nbye\n'
  const blessed = blessText(expected, actual)
  t.equal(blessed, 'started <timestamp>\nversion \\d+ (re)\n...\ncount: 4\nbye\n')
  t.ok(matchText(blessed, actual).ok, 'the result matches the output')
})

t.test('a placeholder line that no longer matches becomes the literal output', async (t) => {
  t.equal(blessText('count: <int>\n', 'count: 3.5\n'), 'count: 3.5\n')
})

t.test('added and removed lines', async (t) => {
  t.equal(blessText('a\nb\nc', 'a\nc\nd'), 'a\nc\nd')
  t.equal(blessText('', 'new output'), 'new output')
})

t.test('control characters are written as an (esc) line, CRLF blocks stay CRLF', async (t) => {
  const blessed = blessText('x\n', 'a\u0007b\n')
  t.equal(blessed, 'a\\x07b (esc)\n')
  t.ok(matchText(blessed, 'a\u0007b').ok)
  t.equal(blessText('a\r\nb\r\n', 'a\nc\n'), 'a\r\nc\r\n')
})

t.test('contains mode rewrites only the closest run', async (t) => {
  const output = 'noise\nalpha\nbeta\ngamma\nnoise'
  const blessed = blessText('alpha\nBETA\ngamma', output, {mode: 'contains'})
  t.equal(blessed, 'alpha\nbeta\ngamma')
  t.ok(matchText(blessed, output, {mode: 'contains'}).ok)
})
