// Captured text made safe for a Markdown document (lib/writeback/sanitize.ts).
import t from 'tap'
import {inlineText, sanitize, stripControls} from '../../lib/writeback/sanitize.js'

t.test('escape sequences and control characters go; tabs and line breaks stay', async (t) => {
  t.equal(stripControls('\u001b[1;31mred\u001b[0m\tplain\u0007\u0000\u007f\u0085\u009f'), 'red\tplain')
  t.equal(stripControls('a\u2028b\u2029c\u202ed\u2066e\u2069f\u200bg'), 'abcdef\u200bg', 'line separators and bidi controls; a zero-width space stays')
  t.equal(stripControls('x\u000by\u000cz\u001fw'), 'xyzw')
})

t.test('CRLF becomes LF; a carriage return inside a line keeps what was drawn last', async (t) => {
  t.equal(stripControls('one\r\ntwo\r\n'), 'one\ntwo\n')
  t.equal(stripControls('10%\r50%\r100%\ndone'), '100%\ndone')
  t.equal(stripControls('progress\r\r'), 'progress', 'carriage returns at the end of a line change nothing')
  t.equal(stripControls('old text\rnew\r'), 'new')
  t.equal(stripControls('a\rXY'), 'XY', 'only what follows the last carriage return')
  t.equal(stripControls('plain line'), 'plain line')
})

t.test('region markers are defused, other comments are not', async (t) => {
  t.equal(sanitize('<!-- runbook:output -->'), '<!\u200b-- runbook:output -->')
  t.equal(sanitize('<!--/runbook:output-->'), '<!\u200b--/runbook:output-->')
  t.equal(sanitize('<!--runbook: x --> and <!--  /runbook:y -->'), '<!\u200b--runbook: x --> and <!\u200b--  /runbook:y -->')
  t.equal(sanitize('<!-- a note -->'), '<!-- a note -->')
})

t.test('inline text: one line, Markdown punctuation escaped, trimmed', async (t) => {
  t.equal(inlineText('  first line \n   second *bold* _it_ `code` [a](b) <tag> #1 | x ! ~ & \\ \n'), 'first line second \\*bold\\* \\_it\\_ \\`code\\` \\[a\\](b) \\<tag\\> \\#1 \\| x \\! \\~ \\& \\\\')
  t.equal(inlineText('a\n\nb'), 'a b')
  t.equal(inlineText('a\nb'), 'a b', 'a line break with no space around it')
})
