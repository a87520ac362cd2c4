import t from 'tap'
import {parseRunbook} from '../../lib/parse/index.js'

const parse = (text: string) => parseRunbook(text, {file: 'doc.md', dir: '/tmp'})
const fence = '```'

t.test('an {expect} block binds to the step before it, prose allowed between', async (t) => {
  const rb = parse(`## Health\n\n${fence}bash {#health}\ncurl -s localhost/healthz\n${fence}\n\n**Expected Response**:\n\n${fence}json {expect}\n{"status": "ok", "request_id": "<uuid>"}\n${fence}\n\n${fence}bash {#next}\nls\n${fence}\n\n${fence}{expect=contains stream=stderr}\nwarning\n${fence}\n`)
  t.same(rb.diagnostics, [])
  const [health, next] = rb.steps
  t.equal(health!.expectations.length, 1)
  const e = health!.expectations[0]!
  t.same([e.kind, e.lang, e.mode, e.stream, e.strict], ['json', 'json', 'exact', 'stdout', false])
  t.equal(e.body, '{"status": "ok", "request_id": "<uuid>"}')
  t.equal(e.span.start.line, 9)
  t.equal(rb.source.slice(e.bodySpan.start.offset, e.bodySpan.end.offset), '{"status": "ok", "request_id": "<uuid>"}\n')
  t.same(e.fence, {char: '`', length: 3, indent: 0})
  const c = next!.expectations[0]!
  t.same([c.kind, c.lang, c.mode, c.stream], ['text', '', 'contains', 'stderr'])
  t.equal(rb.blocks.length, 0, 'expectations are not documentation blocks')
})

t.test('strict, schema=path and inline ```json {schema} blocks', async (t) => {
  const rb = parse(`${fence}bash {#a}\necho '{}'\n${fence}\n${fence}json {expect strict}\n{}\n${fence}\n${fence}json {expect schema=schemas/health.json}\n${fence}\n${fence}json {schema}\n{"type": "object"}\n${fence}\n`)
  t.same(rb.diagnostics, [])
  const kinds = rb.steps[0]!.expectations.map((e) => [e.kind, e.strict, e.schemaPath ?? null])
  t.same(kinds, [['json', true, null], ['schema', false, 'schemas/health.json'], ['schema', false, null]])
  t.equal(rb.steps[0]!.expectations[1]!.body, '')
})

t.test('expectation attributes are validated too', async (t) => {
  const rb = parse(`${fence}bash {#a}\nls\n${fence}\n${fence}text {expect stream=stdrr strcit}\nx\n${fence}\n`)
  t.same(rb.diagnostics.map((d) => d.format()), [
    'doc.md:4:17: error: Invalid value `stdrr` for `stream`: expected one of stdout, stderr, all [invalid-annotation]',
    'doc.md:4:30: error: Unknown attribute `strcit` (did you mean `strict`?) [invalid-annotation]',
  ])
})

t.test('tilde fences and longer fences keep their shape', async (t) => {
  const rb = parse(`~~~~bash {#a}\n${fence}\nnested\n${fence}\n~~~~\n\n~~~ {expect}\n${fence}\n~~~\n`)
  t.same(rb.diagnostics, [])
  t.same(rb.steps[0]!.fence, {char: '~', length: 4, indent: 0})
  t.equal(rb.steps[0]!.code, '```\nnested\n```')
  t.equal(rb.steps[0]!.expectations[0]!.body, '```')
})
