import t from 'tap'
import {parseRunbook} from '../../lib/parse/index.js'

const parse = (text: string) => parseRunbook(text, {file: 'doc.md', dir: '/tmp'})
const fence = '```'

t.test('pandoc attribute blocks make steps with typed options', async (t) => {
  const rb = parse(`# Deploy\n\n## Migrate\n\n${fence}bash {#migrate timeout=5m retries=30 delay=2s exit=0,1 env="A=1 B=2" tags=db,slow allow-failure}\nalembic upgrade head\n${fence}\n`)
  t.same(rb.diagnostics, [])
  t.equal(rb.steps.length, 1)
  const step = rb.steps[0]!
  t.equal(step.id, 'migrate')
  t.equal(step.idSource, 'explicit')
  t.equal(step.dialect, 'pandoc')
  t.equal(step.runner, 'shell')
  t.equal(step.code, 'alembic upgrade head')
  t.equal(step.options.timeoutMs, 300_000)
  t.equal(step.options.retries, 30)
  t.equal(step.options.delayMs, 2000)
  t.same(step.options.exit, {kind: 'codes', codes: [0, 1]})
  t.same(step.options.env, {A: '1', B: '2'})
  t.same(step.options.tags, ['db', 'slow'])
  t.equal(step.options.allowFailure, true)
  t.equal(step.needs, undefined)
  t.equal(step.heading?.text, 'Migrate')
  t.equal(step.span.start.line, 5)
  t.equal(step.bodySpan.start.line, 6)
  t.equal(rb.source.slice(step.bodySpan.start.offset, step.bodySpan.end.offset), 'alembic upgrade head\n')
  t.equal(rb.source.slice(step.annotationSpan!.start.offset, step.annotationSpan!.end.offset), '{#migrate timeout=5m retries=30 delay=2s exit=0,1 env="A=1 B=2" tags=db,slow allow-failure}')
  t.ok(rb.annotated)
})

t.test('an empty attribute block makes a step with defaults; the id comes from the heading', async (t) => {
  const rb = parse(`## Check the API\n\n${fence}sh {}\ncurl -s localhost\n${fence}\n`)
  t.same(rb.diagnostics, [])
  const step = rb.steps[0]!
  t.equal(step.id, 'check-the-api')
  t.equal(step.idSource, 'heading')
  t.same(step.options, {retries: 0, delayMs: 1000, exit: {kind: 'codes', codes: [0]}, background: false, skip: false, manual: false, env: {}, allowFailure: false, always: false, tags: [], output: 'show'})
})

t.test('a brace glued to the language (bash{#id}) is read too', async (t) => {
  const rb = parse(`${fence}bash{#glued skip}\necho\n${fence}\n`)
  t.same(rb.diagnostics, [])
  t.equal(rb.steps[0]?.id, 'glued')
  t.equal(rb.steps[0]?.options.skip, true)
})

t.test('Runme JSON attributes: name becomes the id, Runme cell ids are ignored, strings become flags', async (t) => {
  const rb = parse(`${fence}sh {"id":"01HF7BT3HD84GWTQB8ZY0GBA06","name":"migrate","background":"true","tag":"a,b","excludeFromRunAll":"true","interactive":"false"}\nmake db\n${fence}\n`)
  t.same(rb.diagnostics.filter((d) => d.severity !== 'info'), [])
  const step = rb.steps[0]!
  t.equal(step.dialect, 'runme-json')
  t.equal(step.id, 'migrate')
  t.equal(step.options.background, true)
  t.equal(step.options.skip, true)
  t.equal(step.options.interactive, false)
  t.same(step.options.tags, ['a', 'b'])
})

t.test('Runme spaced and bare forms', async (t) => {
  const rb = parse(`${fence}sh { name=update-brew }\nbrew update\n${fence}\n\n${fence}sh name=echo-hi interpreter=zsh\necho hi\n${fence}\n`)
  t.same(rb.diagnostics, [])
  t.same(rb.steps.map((s) => [s.id, s.dialect]), [['update-brew', 'runme-spaced'], ['echo-hi', 'runme-bare']])
  t.equal(rb.steps[1]!.options.shell, 'zsh')
})

t.test('a meta string that is not an attribute block stays documentation', async (t) => {
  const rb = parse(`${fence}js title="app.js"\nconsole.log(1)\n${fence}\n`)
  t.equal(rb.steps.length, 0)
  t.equal(rb.blocks.length, 1)
  t.equal(rb.blocks[0]!.meta, 'title="app.js"')
})

t.test('unknown Runme keys are ignored with a note; Runme cells in other languages stay documentation', async (t) => {
  const rb = parse(`${fence}sh {"name":"a","terminalRows":"8","somethingNew":"x"}\nls\n${fence}\n\n${fence}go {"id":"01HF7BT3HD84GWTQB8ZQXG4049"}\npackage main\n${fence}\n`)
  t.equal(rb.steps.length, 1)
  t.same(rb.diagnostics.map((d) => [d.severity, d.message]), [
    ['info', 'Runme attribute `somethingNew` is ignored'],
    ['info', 'Language `go` has no runner: the Runme cell is left as documentation'],
  ])
  t.equal(rb.blocks[0]!.lang, 'go')
})

t.test('the HTML comment form annotates the plain fence right after it', async (t) => {
  const rb = parse(`# Ops\n\n<!-- runbook: #migrate timeout=5m -->\n${fence}bash\nalembic upgrade head\n${fence}\n`)
  t.same(rb.diagnostics, [])
  const step = rb.steps[0]!
  t.equal(step.dialect, 'comment')
  t.equal(step.id, 'migrate')
  t.equal(step.options.timeoutMs, 300_000)
  t.equal(step.annotationSpan!.start.line, 3)
  t.equal(step.attributes[1]!.span.start.column, 24)
})

t.test('a comment annotation with nothing after it is an error', async (t) => {
  const rb = parse(`<!-- runbook: #lonely -->\n\nJust prose.\n`)
  t.equal(rb.steps.length, 0)
  t.same(rb.diagnostics.map((d) => [d.severity, d.message]), [['error', 'Annotation comment is not followed by a fenced block']])
})

t.test('runners by language', async (t) => {
  const langs = ['bash', 'sh', 'shell', 'zsh', 'console', 'shell-session', 'node', 'js', 'javascript', 'python', 'py', 'http']
  const text = langs.map((lang, i) => `${fence}${lang} {#s${i}}\n${lang === 'http' ? 'GET http://x/' : '$ true'}\n${fence}\n`).join('\n')
  const rb = parse(text)
  t.same(rb.diagnostics, [])
  t.same(rb.steps.map((s) => s.runner), ['shell', 'shell', 'shell', 'shell', 'console', 'console', 'node', 'node', 'node', 'python', 'python', 'http'])
})

t.test('front matter `run: all`, Runme front matter and --all make every shell block a step', async (t) => {
  const body = `# Setup\n\n${fence}bash\nmake\n${fence}\n\n${fence}sh {skip}\nrm -rf /\n${fence}\n\n${fence}yaml\na: 1\n${fence}\n`
  const plain = parse(body)
  t.same(plain.steps.map((s) => s.id), ['setup'])
  t.equal(plain.blocks.length, 2)
  const all = parseRunbook(body, {file: 'doc.md', all: true})
  t.same(all.steps.map((s) => [s.id, s.dialect, s.options.skip]), [['setup', 'run-all', false], ['setup-2', 'pandoc', true]])
  t.same(all.blocks.map((b) => b.lang), ['yaml'])
  const fm = parse(`---\nrunbook:\n  run: all\n---\n${body}`)
  t.equal(fm.steps.length, 2)
  const runme = parse(`---\nrunme:\n  id: 01HF7BT3HCDS1X1WJJHK77GXH9\n  version: v3\nshell: ksh\n---\n${body}`)
  t.same(runme.diagnostics, [])
  t.equal(runme.steps.length, 2)
  t.equal(runme.frontMatter?.shell, 'ksh')
  t.ok(runme.frontMatter?.runme)
})

t.test('steps nested in list items count and know their list item', async (t) => {
  const rb = parse(`## Deploy\n\n1. Build:\n   ${fence}bash {}\n   make\n   ${fence}\n2. Ship:\n   ${fence}bash {}\n   make ship\n   ${fence}\n`)
  t.same(rb.diagnostics, [])
  t.same(rb.steps.map((s) => s.id), ['deploy', 'deploy-2'])
  t.equal(rb.steps[0]!.code, 'make')
  t.equal(rb.steps[1]!.listItemSpan?.start.line, 7)
  t.equal(rb.steps[1]!.fence.indent, 3)
})

t.test('default ids never take an explicit id and repeat with -2, -3', async (t) => {
  const rb = parse(`# Backup\n\n${fence}bash {}\na\n${fence}\n\n${fence}bash {}\nb\n${fence}\n\n${fence}bash {#backup}\nc\n${fence}\n\n# Étape suivante!\n\n${fence}bash {}\nd\n${fence}\n`)
  t.same(rb.steps.map((s) => s.id), ['backup-2', 'backup-3', 'backup', 'etape-suivante'])
})

t.test('a step before any heading gets a generated id', async (t) => {
  const rb = parse(`${fence}bash {}\nls\n${fence}\n`)
  t.equal(rb.steps[0]!.id, 'step')
  t.equal(rb.steps[0]!.idSource, 'generated')
})

t.test('pandoc class form {.bash #id} names the language', async (t) => {
  const rb = parse(`${fence} {.bash #classy}\nls\n${fence}\n`)
  t.same(rb.diagnostics, [])
  t.same(rb.steps.map((s) => [s.id, s.lang, s.runner]), [['classy', 'bash', 'shell']])
})

t.test('the comment form can carry an expectation too', async (t) => {
  const rb = parse(`${fence}bash {#hi}\necho hi\n${fence}\n\n<!-- runbook: expect -->\n${fence}text\nhi\n${fence}\n`)
  t.same(rb.diagnostics, [])
  t.equal(rb.steps[0]!.expectations[0]!.body, 'hi')
  t.equal(rb.blocks.length, 0)
})

t.test('a line-highlight range such as {1,3-5} is documentation, not an attribute block', async (t) => {
  const source = '# Docs\n\n```js {1,3-5}\nconst a = 1\n```\n\n```python {2}\nprint(1)\n```\n'
  const runbook = parseRunbook(source, {file: 'docs.md'})
  t.same(runbook.steps, [])
  t.equal(runbook.blocks.length, 2)
  t.same(runbook.diagnostics.filter((d) => d.severity === 'error'), [])
})
