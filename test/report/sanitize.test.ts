import t from 'tap'
import {sanitizeLine, sanitizeOutput} from '../../lib/report/index.js'

t.test('colour codes, cursor moves and screen clears are removed', async (t) => {
  t.equal(sanitizeOutput('\u001b[1;31mred\u001b[0m \u001b[2J\u001b[10;1Hmoved \u001b[?25lhidden'), 'red moved hidden')
})

t.test('OSC sequences (titles, hyperlinks, clipboard writes) are removed whichever terminator they use', async (t) => {
  t.equal(sanitizeOutput('\u001b]0;title\u0007a'), 'a')
  t.equal(sanitizeOutput('\u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\'), 'link')
  t.equal(sanitizeOutput('\u001b]52;c;cHduZWQ=\u0007b'), 'b')
  t.equal(sanitizeOutput('x\u001b]0;never terminated'), 'x', 'an unterminated string swallows the rest, not the screen')
})

t.test('control characters go, tabs and newlines stay, CRLF becomes LF', async (t) => {
  t.equal(sanitizeOutput('a\u0000b\u0007c\u0008d\u007fe\tf\r\ng\n'), 'abcde\tf\ng\n')
  t.equal(sanitizeOutput('\u009b31mC1 CSI'), 'C1 CSI')
  t.equal(sanitizeOutput('safe\u202etxt.exe'), 'safetxt.exe', 'bidirectional overrides are removed')
})

t.test('a progress bar redrawn with CR keeps what the terminal would show last', async (t) => {
  t.equal(sanitizeOutput('10%\r50%\r100%\ndone\n'), '100%\ndone\n')
})

t.test('lone surrogates become U+FFFD; valid pairs are kept', async (t) => {
  t.equal(sanitizeOutput('a\ud800b \ud83d\ude00'), 'a\ufffdb \ud83d\ude00')
})

t.test('sanitizeLine makes one line of anything', async (t) => {
  t.equal(sanitizeLine('one\ntwo\r\nthree'), 'one two three')
})
