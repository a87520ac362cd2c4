// Captured output as the document shows it (lib/writeback/shorten.ts): whole when short, else head,
// a count of omitted lines, and tail.
import t from 'tap'
import {shortenOutput} from '../../lib/writeback/shorten.js'

const whole = (text: string) => ({head: '', tail: '', omittedLines: 0, totalBytes: text.length, text})
const lines = (count: number) => Array.from({length: count}, (_, i) => `line ${i + 1}`).join('\n') + '\n'

t.test('a kept output within the limit is shown whole, without its final line break', async (t) => {
  t.equal(shortenOutput(whole(lines(4)), 4), 'line 1\nline 2\nline 3\nline 4')
  t.equal(shortenOutput(whole('a\r\nb\r\n'), 4), 'a\r\nb', 'only the last CRLF goes')
  t.equal(shortenOutput(whole('a\n\n'), 4), 'a\n', 'one final line break goes, not two')
  t.equal(shortenOutput(whole(''), 4), '')
})

t.test('a longer one keeps the first half (rounded up) and the last lines around a count', async (t) => {
  t.equal(shortenOutput(whole(lines(10)), 5), 'line 1\nline 2\nline 3\n… 5 lines omitted …\nline 9\nline 10')
  t.equal(shortenOutput(whole(lines(10)), 4), 'line 1\nline 2\n… 6 lines omitted …\nline 9\nline 10')
  t.equal(shortenOutput(whole(lines(3)), 2), 'line 1\n… 1 line omitted …\nline 3', 'one line: singular')
  t.equal(shortenOutput(whole(lines(5)), 0), 'line 1\n… 3 lines omitted …\nline 5', 'never fewer than two lines')
  t.equal(shortenOutput(whole(lines(5)), 1), 'line 1\n… 3 lines omitted …\nline 5')
})

t.test('an output too large to keep is shown from its head and tail', async (t) => {
  const big = (head: string, omittedLines: number, tail: string) => ({head, tail, omittedLines, totalBytes: 1e9})
  t.equal(shortenOutput(big('h1\nh2\n', 1000, 't1\nt2\n'), 4), 'h1\nh2\n… 1000 lines omitted …\nt1\nt2')
  t.equal(shortenOutput(big('h1\n', 1, 't1\n'), 4), 'h1\n… 1 line omitted …\nt1')
  t.equal(shortenOutput(big('h1\n', 0, ''), 4), 'h1', 'nothing omitted, no tail: the head alone')
  t.equal(shortenOutput(big('', 0, ''), 4), '', 'nothing at all')
  t.equal(shortenOutput(big('h1\n', 0, 't1\n'), 4), 'h1\nt1', 'nothing omitted: head and tail')
  t.equal(shortenOutput(big('h1\n', 5, ''), 4), 'h1\n… 5 lines omitted …', 'no tail')
  t.equal(shortenOutput(big('', 5, 't1'), 4), '… 5 lines omitted …\nt1', 'an empty head leaves no blank line')
})
