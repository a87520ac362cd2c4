// The one ANSI/VT escape stripper (STYLE §12): matching, reporters, write-back and the redactor all
// remove terminal escapes through it, so they never disagree about what a step printed.
//
// Node's `util.stripVTControlCharacters` is not enough on its own, and cannot run first either: it
// eats the character after `ESC 7` (`ESC 7 saved` loses its `s`), leaves OSC titles that hold a space,
// DCS strings and `ESC % G` behind, and cuts `ESC [ > 4 ; 2 m` in the middle. So the sequences are
// removed here by their ECMA-48 shapes, which cover everything Node's pattern knows.

// Control strings (OSC, DCS, SOS, PM, APC) up to BEL or ST, or to the end when never terminated.
const controlString = String.raw`(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)`
// CSI with any parameter and intermediate bytes: colours, cursor moves, `ESC [ ? 25 l`, `ESC [ 38:5:1 m`.
const csi = String.raw`(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]`
// nF escapes: charset designations (`ESC ( B` from `tput sgr0`, `ESC ) 0`, `ESC % G`, `ESC # 8`).
const nF = String.raw`\u001b[ -/]+[0-~]`
// SS2/SS3 with the character they shift (`ESC O P` is the F1 key).
const singleShift = String.raw`\u001b[NO][^\n]?`
// Any other escape with the one character it escapes (`ESC 7`, `ESC 8`, `ESC M`, `ESC =`, `ESC c`),
// a lone ESC at the end, and a stray ST.
const lone = String.raw`\u001b[^\n]?|\u009c`

// The whole pattern as RegExp source, for code that must map removed spans back (the redactor's view).
export const escapeSequenceSource = [controlString, csi, nF, singleShift, lone].join('|')

const sequence = new RegExp(escapeSequenceSource, 'g')
const mayHold = /[\u001b\u0090\u0098\u009b-\u009f]/

// The text with every terminal escape sequence removed; other characters are left as they are.
export function stripAnsi(text: string): string {
  return mayHold.test(text) ? text.replace(sequence, '') : text
}
