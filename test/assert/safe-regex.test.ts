import t from 'tap'
import {checkRegexSafety, compileUserRegex, matchText} from '../../lib/assert/index.js'

const unsafe: Array<[string, string]> = [
  ['(a+)+$', '(a+)+'],
  ['(a*)*b', '(a*)*'],
  ['^(\\d+)*$', '(\\d+)*'],
  ['(\\w+\\s?)*$', '(\\w+\\s?)*'],
  ['(a|a)*$', '(a|a)*'],
  ['(\\w|\\d)+$', '(\\w|\\d)+'],
  ['(a|b|ab)*c', '(a|b|ab)*'],
  ['(a+a)+$', '(a+a)+'],
  ['^(([a-z])+.)+[A-Z]([a-z])+$', '(([a-z])+.)+'],
  ['(x+x+)+y', '(x+x+)+'],
  ['^([a-zA-Z0-9]+\\.?)+@', '([a-zA-Z0-9]+\\.?)+'],
  ['(?:[A-Z]+)*!', '(?:[A-Z]+)*'],
]

const safe = [
  '\\d+\\.\\d+',
  '.*foo.*',
  '(ab+c)*',
  '(a|ab)*c',
  '(\\d+,)*\\d+',
  '^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$',
  'HTTP/\\d\\.\\d \\d{3} .*',
  '^\\s*\\w+\\s*=\\s*.*$',
  '(?:\\d{1,3}\\.){3}\\d{1,3}',
  '^(\\w+)(\\.\\w+)*@',
  'v\\d+(\\.\\d+)*',
  '[^,]*(,[^,]*)*$',
  '(https?://)?([\\w-]+\\.)+\\w+',
  '^\\[(INFO|WARN|ERROR)\\] .+$',
  '(?<year>\\d{4})-(?<month>\\d{2})',
  '"(\\\\.|[^"\\\\])*"',
  '(a|b)*c',
  'ok|fine|good',
  '^$',
]

t.test('patterns that can backtrack catastrophically are found, naming the part', async (t) => {
  for (const [source, part] of unsafe) {
    const result = checkRegexSafety(source)
    t.equal(result.safe, false, `${source} is unsafe`)
    if (!result.safe) t.ok(result.reason.startsWith(`\`${part}\` can match the same text in more than one way`), `${source}: names ${part} (${result.reason.slice(0, 40)}…)`)
  }
})

t.test('ordinary patterns pass (few false positives)', async (t) => {
  for (const source of safe) t.same(checkRegexSafety(source), {safe: true}, source)
})

t.test('the i flag folds case before looking for overlaps', async (t) => {
  t.same(checkRegexSafety('(A|b)+$'), {safe: true})
  t.equal(checkRegexSafety('(A|a)+$', 'i').safe, false)
})

t.test('(a+)+$ against a 50 KB line fails fast with a clear message', async (t) => {
  const line = 'a'.repeat(50_000) + '!'
  // The answer comes from the static check, before the regex ever runs: no clock is involved (a
  // regex that did run would hang here past the test's timeout).
  const result = matchText('(a+)+$ (re)', line)
  t.notOk(result.ok)
  t.match(result.message, /^line 1: unsafe regular expression \/\(a\+\)\+\$\/: `\(a\+\)\+` can match the same text in more than one way \(nested quantifiers\)/)
})

t.test('compileUserRegex: invalid and unsafe are messages, valid is a regex', async (t) => {
  t.match(compileUserRegex('a('), {ok: false, message: /^invalid regular expression \/a\(\/: /})
  t.match(compileUserRegex('(a+)+'), {ok: false, message: /^unsafe regular expression \/\(a\+\)\+\//})
  const ok = compileUserRegex('\\d+', {whole: true})
  t.ok(ok.ok && ok.regex.test('123') && !ok.regex.test('123x'), 'whole-line regex anchored')
})
