import t from 'tap'
import {checkTextPatterns, matchText} from '../../lib/assert/index.js'

t.test('" (re)": the line is a regular expression for the whole line', async (t) => {
  t.ok(matchText('Listening on port \\d+ (re)', 'Listening on port 8080').ok)
  t.ok(matchText('v\\d+\\.\\d+\\.\\d+ (re)', 'v1.22.3').ok)
  t.notOk(matchText('port \\d+ (re)', 'port 8080 extra').ok, 'anchored at the end')
  t.notOk(matchText('port \\d+ (re)', 'the port 8080').ok, 'anchored at the start')
  const result = matchText('port \\d+ (re)', 'port eighty')
  t.equal(result.message, 'line 1: expected /port \\d+/ (re), got "port eighty"')
})

t.test('an invalid regex is an authoring error with a clear message', async (t) => {
  const result = matchText('ok\nvalue [0-9 (re)', 'ok\nvalue 3')
  t.notOk(result.ok)
  t.match(result.message, /^line 2: invalid regular expression \/value \[0-9\/: /)
  const problems = checkTextPatterns('ok\nvalue [0-9 (re)\n(a+)+ (re)\nfine \\d (re)')
  t.equal(problems.length, 2, 'one problem per broken line, none for good ones')
  t.match(problems, [
    {line: 2, message: /invalid regular expression/},
    {line: 3, message: /unsafe regular expression \/\(a\+\)\+\/: `\(a\+\)\+`/},
  ])
})

t.test('" (glob)": `*` and `?` wildcards, `\\` escapes', async (t) => {
  t.ok(matchText('Saved to /tmp/* (glob)', 'Saved to /tmp/abc123/out.json').ok)
  t.ok(matchText('file-?.txt (glob)', 'file-7.txt').ok)
  t.notOk(matchText('file-?.txt (glob)', 'file-12.txt').ok, '? is exactly one character')
  t.ok(matchText('*done* (glob)', 'all done!').ok)
  t.ok(matchText('100\\* (glob)', '100*').ok, 'escaped star is literal')
  t.notOk(matchText('100\\* (glob)', '1000').ok)
  t.ok(matchText('what\\? (glob)', 'what?').ok)
  t.notOk(matchText('what\\? (glob)', 'whatx').ok)
  t.equal(matchText('a*z (glob)', 'abc').message, 'line 1: expected "a*z" (glob), got "abc"')
  const long = 'a'.repeat(20000)
  t.notOk(matchText('*a*a*a*b (glob)', long).ok, 'many stars against a long line still finish')
})

t.test('" (esc)": \\t and \\xNN escapes (cram compatible)', async (t) => {
  t.ok(matchText('col1\\tcol2 (esc)', 'col1\tcol2').ok)
  t.ok(matchText('bell\\x07 (esc)', 'bell\u0007').ok)
  t.ok(matchText('back\\\\slash (esc)', 'back\\slash').ok)
  t.notOk(matchText('col1\\tcol2 (esc)', 'col1 col2').ok)
  t.equal(matchText('a\\tb (esc)', 'a b').message, 'line 1: expected "a\\tb" (esc), got "a b"')
})
