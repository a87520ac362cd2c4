// The one escape stripper, case by case, including the sequences Node's own stripper gets wrong.
import {stripVTControlCharacters} from 'node:util'
import t from 'tap'
import {stripAnsi} from '../lib/ansi.js'

const cases: Array<[string, string, string]> = [
  ['tput sgr0 (ESC ( B ESC [ m)', 'a\u001b(Bb\u001b[mc', 'abc'],
  ['cursor save and restore', '\u001b7saved\u001b8', 'saved'],
  ['G1 and UTF-8 charset designations', '\u001b)0x\u001b%Gy\u001b#8z', 'xyz'],
  ['OSC title ended by BEL, with spaces', '\u001b]0;a window title\u0007t', 't'],
  ['OSC 8 link ended by ST', '\u001b]8;;http://127.0.0.1/a b\u001b\\link\u001b]8;;\u001b\\', 'link'],
  ['DCS string', '\u001bPq#0;2;0;0;0\u001b\\x', 'x'],
  ['private and colon CSI', '\u001b[>4;2mk\u001b[38:5:1m\u001b[?25l', 'k'],
  ['SS3 key', '\u001bOPx', 'x'],
  ['lone escapes', '\u001bMa\u001b=b\u001bcc\u001b', 'abc'],
  ['C1 CSI', '\u009b31mred', 'red'],
  ['an unterminated OSC swallows the rest', 'x\u001b]0;never ends\nmore', 'x'],
]

for (const [name, input, want] of cases) {
  t.test(name, async (t) => t.equal(stripAnsi(input), want))
}

t.test('text without escapes is returned unchanged, newlines included', async (t) => {
  t.equal(stripAnsi('plain [text] ; 7\n'), 'plain [text] ; 7\n')
  t.equal(stripAnsi('a\u001b\nb'), 'a\nb', 'an ESC before a newline does not take the newline')
})

t.test("why not Node's stripper alone: it loses the character after ESC 7", async (t) => {
  t.equal(stripVTControlCharacters('\u001b7saved'), 'aved')
  t.equal(stripAnsi('\u001b7saved'), 'saved')
})
