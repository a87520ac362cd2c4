import t from 'tap'
import {compileUserRegex, matchText} from '../../lib/assert/index.js'
import {regexLoops} from '../../lib/assert/regex-budget.js'

t.test('loops counted on the automaton: an upper bound on polynomial backtracking', async (t) => {
  t.equal(regexLoops('abc', ''), 0)
  t.equal(regexLoops('\\d+', ''), 1)
  t.equal(regexLoops('\\d+\\.\\d+', ''), 2)
  t.equal(regexLoops('(?:\\d{1,3}\\.){3}\\d{1,3}', ''), 0, 'bounded repeats are not loops')
  t.equal(regexLoops('(.*a){12}', ''), 12)
})

// These lines are sized so that no machine finishes them within the limit: `^.*a.*b$` on 400,000
// characters takes about n²/2 = 8·10¹⁰ steps, `(.*a){12}` on 60 characters about 60¹². The time
// limit is what ends them, whatever the machine's speed.
t.test('a safe-looking regex that backtracks polynomially on a long line fails under the time limit', async (t) => {
  const result = matchText('^.*a.*b$ (re)', 'a'.repeat(400_000))
  t.notOk(result.ok)
  t.match(result.message, /^line 1: regular expression \/\^\.\*a\.\*b\$\/ took longer than 500ms on a 400000-character line \(too much backtracking\); simplify it$/)
})

t.test('a high-degree pattern is bounded even on a short line', async (t) => {
  const result = matchText('start\n(.*a){12}$ (re)', 'start\n' + 'a'.repeat(60) + '!')
  t.match(result.message, /^line 2: regular expression \/\(\.\*a\)\{12\}\$\/ took longer than 500ms/)
})

t.test('the same regexes still give answers when they can', async (t) => {
  // Small enough (about 10⁵ steps) to finish far inside the limit on any machine.
  t.ok(matchText('.*a.*b (re)', 'a'.repeat(500) + 'b').ok, 'run off the main thread, and it matches')
  t.notOk(matchText('.*a.*b (re)', 'x'.repeat(500)).ok, 'and it does not match')
  const search = compileUserRegex('a.*b')
  t.ok(search.ok && search.test('x'.repeat(400) + 'ab') === true, 'searches (matches /re/) too')
})
