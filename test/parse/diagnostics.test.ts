import t from 'tap'
import {parseRunbook, assertRunnable} from '../../lib/parse/index.js'
import {InvalidRunbookError} from '../../lib/errors.js'

const parse = (text: string) => parseRunbook(text, {file: 'doc.md', dir: '/tmp'})
const fence = '```'
const errors = (text: string) => parse(text).diagnostics.filter((d) => d.severity === 'error').map((d) => d.format())

t.test('a misspelt key points at the key inside the info string, with a suggestion', async (t) => {
  const text = `# Ops\n\nRun the migration:\n\n## Migrate\n\n${fence}bash {#migrate timout=5m}\nalembic upgrade head\n${fence}\n`
  const rb = parse(text)
  t.equal(rb.diagnostics.length, 1)
  const d = rb.diagnostics[0]!
  t.equal(d.location, 'doc.md:7:19')
  t.equal(d.actual, 'timout')
  t.equal(d.note, 'did you mean `timeout`?')
  t.ok(d.expected?.includes('timeout'))
  t.equal(d.format(), 'doc.md:7:19: error: Unknown attribute `timout` (did you mean `timeout`?) [invalid-annotation]')
  t.equal(text.split('\n')[6]!.slice(18, 24), 'timout')
})

t.test('bad values say what was expected, at the attribute', async (t) => {
  t.same(errors(`${fence}bash {timeout=5x retries=many exit=sometimes output=loud needs=Bad_Id}\nls\n${fence}\n`), [
    'doc.md:1:10: error: Invalid value `5x` for `timeout`: expected a duration such as 500ms, 30s, 5m, 1h [invalid-annotation]',
    'doc.md:1:21: error: Invalid value `many` for `retries`: expected how many times to re-run until the step passes [invalid-annotation]',
    'doc.md:1:34: error: Invalid value `sometimes` for `exit`: expected accepted exit codes: 0, 1, 0,1, nonzero, any [invalid-annotation]',
    'doc.md:1:49: error: Invalid value `loud` for `output`: expected one of show, hide, collapse [invalid-annotation]',
    'doc.md:1:61: error: Invalid value `Bad_Id` for `needs`: expected comma-separated step ids; empty for none [invalid-annotation]',
  ])
})

t.test('an invalid explicit id is reported and the heading id used instead', async (t) => {
  const rb = parse(`## Build\n\n${fence}bash {#Build!}\nmake\n${fence}\n`)
  t.equal(rb.steps[0]!.id, 'build')
  t.match(rb.diagnostics[0]!.format(), /^doc\.md:3:10: error: Invalid value `Build!` for `id`/)
})

t.test('any other language with an attribute block is an error', async (t) => {
  t.same(errors(`${fence}yaml {#conf}\na: 1\n${fence}\n`), [
    'doc.md:1:9: error: Language `yaml` has no runner (expected one of bash, sh, shell, shellscript, zsh, console, shell-session, scrut, testcase, node, js, javascript, python, py, http) [invalid-annotation]',
  ])
})

t.test('broken attribute syntax is an error, never an exception', async (t) => {
  t.same(errors(`${fence}bash {#a timeout="5m}\nls\n${fence}\n`), ['doc.md:1:13: error: the value of `timeout` is not closed: expected `"` [invalid-annotation]'])
  t.same(errors(`${fence}bash {#a\nls\n${fence}\n`), ['doc.md:1:12: error: attribute block is not closed: expected `}` [invalid-annotation]'])
  t.same(errors(`${fence}bash {#a} trailing\nls\n${fence}\n`), ['doc.md:1:14: error: unexpected text after the attribute block: `trailing` [invalid-annotation]'])
  t.match(errors(`${fence}sh {"name": "x",}\nls\n${fence}\n`)[0], /^doc\.md:1:7: error: invalid JSON attributes/)
  t.same(errors(`${fence}bash {#a @x}\nls\n${fence}\n`), ['doc.md:1:13: error: unexpected `@x`: expected `#id`, `key=value` or a flag [invalid-annotation]'])
})

t.test('a key given twice is an error', async (t) => {
  t.same(errors(`${fence}bash {retries=1 retries=2}\nls\n${fence}\n`), ['doc.md:1:20: error: Attribute `retries` is given twice [invalid-annotation]'])
})

t.test('an {expect} block with no step before it is an orphan', async (t) => {
  const rb = parse(`# Doc\n\n${fence}text {expect}\nhello\n${fence}\n`)
  t.same(rb.diagnostics.map((d) => [d.ruleId, d.location]), [['orphan-expectation', 'doc.md:3:1']])
})

t.test('assertRunnable throws InvalidRunbookError listing every error, graph errors included', async (t) => {
  const rb = parse(`${fence}bash {#a timout=1s}\nls\n${fence}\n\n${fence}bash {#b needs=c}\nls\n${fence}\n\n${fence}bash {#a}\nls\n${fence}\n`)
  const error = t.throws(() => assertRunnable(rb)) as InvalidRunbookError
  t.ok(error instanceof InvalidRunbookError)
  t.equal(error.code, 'RUNBOOK_ERR_INVALID')
  t.same(error.diagnostics.map((d) => `${d.location} ${d.ruleId}`), [
    'doc.md:1:13 invalid-annotation',
    'doc.md:5:13 unknown-dependency',
    'doc.md:9:10 duplicate-step-id',
  ])
})

t.test('notes alone do not stop a run', async (t) => {
  const rb = parse(`${fence}sh {"name":"x","foo":"bar"}\nls\n${fence}\n`)
  t.same(rb.diagnostics.map((d) => [d.severity, d.message]), [['info', 'Runme attribute `foo` is ignored']])
  t.doesNotThrow(() => assertRunnable(rb))
})

t.test('garbage never throws', async (t) => {
  const inputs = ['', '\0\0\0', '```', '```bash {', '---', '---\n', '---\n---', '---js\nx\n---\n', '<!-- runbook:', '<!-- runbook: http -->\n| a |\n|---|\n| b |', '\uFEFF---\na: 1\n---\n# x', '- [ ]', '```http {}\n```', '```console {}\n$\n```', '{}'.repeat(1000), '`'.repeat(10000), '> ```bash {#q}\n> ls\n> ```\n', '| x |\n|---|\n| ```bash {} |']
  for (const input of inputs) {
    const rb = parse(input)
    const label = JSON.stringify(input.slice(0, 30))
    t.type(rb.steps, Array, `${label}: a model with a list of steps`)
    t.ok(rb.diagnostics.every((d) => d.file === 'doc.md' && /^doc\.md:\d+:\d+$/.test(d.location)), `${label}: every diagnostic is located`)
    t.notOk(rb.diagnostics.some((d) => d.ruleId === 'internal-error'), `no internal error for ${JSON.stringify(input.slice(0, 30))}`)
  }
})

t.test('an unknown key with no close match lists the keys that are accepted', async (t) => {
  t.same(errors(`${fence}bash {#a colour=red}\nls\n${fence}\n`), [
    'doc.md:1:13: error: Unknown attribute `colour`: expected one of id, needs, timeout, retries, delay, exit, contains, background, ready, confirm, skip, manual, cwd, env, shell, allow-failure, always, tags, output, status, within, capture, if, artifacts, tty, ask, on [invalid-annotation]',
  ])
})
