import t from 'tap'
import {parseAssertLine, parseHttpBlock, parseRunbook} from '../../lib/parse/index.js'

t.test('an http block: request line, headers, body, [Asserts], [Captures]', async (t) => {
  const text = [
    '## Create a user',
    '',
    '```http {#create status=201,200 within=500ms}',
    'POST ${BASE_URL}/users',
    'Content-Type: application/json',
    'Authorization: Bearer ${TOKEN}',
    '',
    '{"name": "ada"}',
    '',
    '[Asserts]',
    'status == 201',
    'header "Content-Type" contains "json"',
    'jsonpath "$.name" == "ada"',
    'jsonpath "$.tags" count 0',
    'jsonpath "$.id" exists',
    'jsonpath "$.email" not exists',
    'body matches /"id":\\s*"[0-9a-f-]+"/',
    'duration < 500',
    'jsonpath "$.admin" == false',
    'jsonpath "$.deleted" == null',
    '[Captures]',
    'USER_ID: jsonpath "$.id"',
    '```',
    '',
  ].join('\n')
  const rb = parseRunbook(text, {file: 'doc.md', dir: '/tmp'})
  t.same(rb.diagnostics, [])
  const step = rb.steps[0]!
  t.equal(step.runner, 'http')
  t.same(step.options.status, {codes: [201, 200], classes: []})
  t.equal(step.options.withinMs, 500)
  const http = step.http!
  t.equal(http.method, 'POST')
  t.equal(http.url, '${BASE_URL}/users')
  t.same(http.headers, [['Content-Type', 'application/json'], ['Authorization', 'Bearer ${TOKEN}']])
  t.equal(http.body, '{"name": "ada"}')
  t.same(http.asserts.map((a) => [a.query, a.not, a.predicate, 'value' in a ? a.value : '—', a.line]), [
    [{type: 'status'}, false, '==', 201, 11],
    [{type: 'header', name: 'Content-Type'}, false, 'contains', 'json', 12],
    [{type: 'jsonpath', path: '$.name'}, false, '==', 'ada', 13],
    [{type: 'jsonpath', path: '$.tags'}, false, 'count', 0, 14],
    [{type: 'jsonpath', path: '$.id'}, false, 'exists', '—', 15],
    [{type: 'jsonpath', path: '$.email'}, true, 'exists', '—', 16],
    [{type: 'body'}, false, 'matches', '"id":\\s*"[0-9a-f-]+"', 17],
    [{type: 'duration'}, false, '<', 500, 18],
    [{type: 'jsonpath', path: '$.admin'}, false, '==', false, 19],
    [{type: 'jsonpath', path: '$.deleted'}, false, '==', null, 20],
  ])
  t.same(http.captures, [{name: 'USER_ID', query: {type: 'jsonpath', path: '$.id'}, raw: 'USER_ID: jsonpath "$.id"', line: 22}])
})

t.test('a bare URL means GET; status classes parse', async (t) => {
  const rb = parseRunbook('```http {#readyz status=2xx}\nhttp://127.0.0.1:8080/readyz\n```\n', {file: 'doc.md'})
  t.same(rb.diagnostics, [])
  t.same([rb.steps[0]!.http!.method, rb.steps[0]!.http!.url], ['GET', 'http://127.0.0.1:8080/readyz'])
  t.same(rb.steps[0]!.options.status, {codes: [], classes: [2]})
})

t.test('a broken http block gives diagnostics at the line and column', async (t) => {
  const rb = parseRunbook('# x\n\n```http {#bad}\nGET http://x/\nnot a header\n\n[Asserts]\nstatus === 200\njsonpath $.a == 1\nbody matches /(/\n[Captures]\nid jsonpath "$.id"\n```\n', {file: 'doc.md'})
  t.same(rb.diagnostics.map((d) => d.format()), [
    'doc.md:5:1: error: expected a header `Name: value` or a blank line before the body, got `not a header` [invalid-annotation]',
    'doc.md:8:8: error: invalid assert: expected a predicate (== != <= >= < > contains startsWith endsWith matches exists count), got `===` [invalid-annotation]',
    'doc.md:9:10: error: invalid assert: expected a quoted JSONPath after `jsonpath` [invalid-annotation]',
    'doc.md:10:14: error: invalid assert: invalid regular expression /(/: Unterminated group [invalid-annotation]',
    'doc.md:12:1: error: invalid capture: expected `NAME: jsonpath "$.id"` [invalid-annotation]',
  ])
})

t.test('the assert-line parser is reusable on its own', async (t) => {
  const ok = parseAssertLine('jsonpath "$.status" not startsWith "err"', 3)
  t.same(ok, {ok: true, assert: {query: {type: 'jsonpath', path: '$.status'}, not: true, predicate: 'startsWith', value: 'err', raw: 'jsonpath "$.status" not startsWith "err"', line: 3}})
  t.same(parseAssertLine('header "X-Id" endsWith "\\"q\\""', 1), {ok: true, assert: {query: {type: 'header', name: 'X-Id'}, not: false, predicate: 'endsWith', value: '"q"', raw: 'header "X-Id" endsWith "\\"q\\""', line: 1}})
  t.match(parseAssertLine('latency < 5', 1), {ok: false, message: /^unknown query `latency`/, column: 0})
  t.match(parseAssertLine('status == ok', 1), {ok: false, message: /^expected a value/, column: 10})
  t.match(parseAssertLine('status exists 5', 1), {ok: false, message: 'unexpected `5` after `exists`'})
  t.match(parseAssertLine('jsonpath "$.n" >= 1.5', 1), {ok: true, assert: {predicate: '>=', value: 1.5}})
})

t.test('parseHttpBlock keeps a body with blank lines and trims the trailing ones', async (t) => {
  const {request, problems} = parseHttpBlock('PUT http://x/a HTTP/1.1\n\nline 1\n\nline 3\n\n', 1)
  t.same(problems, [])
  t.equal(request.body, 'line 1\n\nline 3')
})
