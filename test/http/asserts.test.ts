import t from 'tap'
import {runHttpStep} from '../../lib/http/index.js'
import type {HttpAssert} from '../../lib/model.js'
import {assertion as a, httpStep, json, startServer, type TestServer} from '../helpers/http-fixtures.js'

let server: TestServer
t.before(async () => {
  server = await startServer((req, res) => {
    if (req.url === '/text') {
      res.writeHead(200, {'content-type': 'text/plain; charset=utf-8', 'x-request-id': 'abc-123'})
      res.end('hello runbook')
    } else {
      json(res, 200, {status: 'ok', count: 3, ratio: 0.5, ready: true, none: null, tags: ['a', 'b'], items: [{id: 1}, {id: 2}, {id: 3}], version: 'v1.2.3'}, {'x-request-id': 'abc-123'})
    }
  })
})
t.teardown(() => server.close())

// Run asserts against /json (or /text) and return the failure lines.
async function failures(asserts: HttpAssert[], path = '/json'): Promise<string[]> {
  const outcome = await runHttpStep(httpStep({url: `${server.url}${path}`, asserts}), {env: {}, dir: '.', timeoutMs: 5000})
  return outcome.check.failures
}

const status = {type: 'status'} as const
const duration = {type: 'duration'} as const
const body = {type: 'body'} as const
const header = (name: string) => ({type: 'header', name}) as const
const jp = (path: string) => ({type: 'jsonpath', path}) as const

t.test('every query: status, header, body, jsonpath, duration', async (t) => {
  t.same(await failures([a(status, '==', 200), a(header('X-Request-Id'), '==', 'abc-123'), a(body, 'contains', '"status":"ok"'), a(jp('$.status'), '==', 'ok'), a(duration, '<', 10_000)]), [])
  t.same(await failures([a(status, '==', 201)]), ['status == 201: got 200'])
  t.same(await failures([a(header('x-request-id'), '==', 'zzz')]), ['header "x-request-id" == "zzz": got "abc-123"'], 'header names are case-insensitive')
  t.same(await failures([a(body, '==', 'bye')], '/text'), ['body == "bye": got "hello runbook"'])
  t.same(await failures([a(jp('$.status'), '==', 'down')]), ['jsonpath "$.status" == "down": got "ok"'])
  t.match(await failures([a(duration, '<', 0)]), [/^duration < 0: got \d+$/])
  t.match(await failures([a(jp('$.x'), '==', 1)], '/text'), [/^jsonpath "\$\.x" == 1: the body is not JSON/])
})

t.test('== and != compare JSON values; numbers match their text (headers)', async (t) => {
  t.same(await failures([a(jp('$.count'), '==', 3), a(jp('$.ready'), '==', true), a(jp('$.none'), '==', null), a(jp('$.ratio'), '==', 0.5), a(status, '==', '200')]), [])
  t.same(await failures([a(jp('$.count'), '!=', 4), a(jp('$.status'), '!=', 'down')]), [])
  t.same(await failures([a(jp('$.count'), '!=', 3)]), ['jsonpath "$.count" != 3: got 3'])
  t.same(await failures([a(jp('$.count'), '==', '3x')]), ['jsonpath "$.count" == "3x": got 3'])
  t.same(await failures([a(jp('$.missing'), '!=', 1)]), ['jsonpath "$.missing" != 1: got nothing'], 'nothing found never passes')
})

t.test('< <= > >= compare numbers', async (t) => {
  t.same(await failures([a(jp('$.count'), '<', 4), a(jp('$.count'), '<=', 3), a(jp('$.count'), '>', 2), a(jp('$.count'), '>=', 3), a(status, '<', 300)]), [])
  t.same(await failures([a(jp('$.count'), '<', 3)]), ['jsonpath "$.count" < 3: got 3'])
  t.same(await failures([a(jp('$.count'), '<=', 2)]), ['jsonpath "$.count" <= 2: got 3'])
  t.same(await failures([a(jp('$.count'), '>', 3)]), ['jsonpath "$.count" > 3: got 3'])
  t.same(await failures([a(jp('$.count'), '>=', 4)]), ['jsonpath "$.count" >= 4: got 3'])
  t.same(await failures([a(jp('$.status'), '>', 1)]), ['jsonpath "$.status" > 1: expected a number, got "ok"'])
})

t.test('contains, startsWith, endsWith on strings (contains on lists too)', async (t) => {
  t.same(await failures([a(jp('$.version'), 'contains', '1.2'), a(jp('$.tags'), 'contains', 'b'), a(jp('$.version'), 'startsWith', 'v1'), a(jp('$.version'), 'endsWith', '.3'), a(header('Content-Type'), 'startsWith', 'application/json')]), [])
  t.same(await failures([a(jp('$.version'), 'contains', '9')]), ['jsonpath "$.version" contains "9": got "v1.2.3"'])
  t.same(await failures([a(jp('$.tags'), 'contains', 'z')]), ['jsonpath "$.tags" contains "z": got ["a","b"]'])
  t.same(await failures([a(jp('$.version'), 'startsWith', 'v2')]), ['jsonpath "$.version" startsWith "v2": got "v1.2.3"'])
  t.same(await failures([a(jp('$.version'), 'endsWith', '.4')]), ['jsonpath "$.version" endsWith ".4": got "v1.2.3"'])
})

t.test('matches /re/: searched, safe-checked, invalid regex reported', async (t) => {
  t.same(await failures([a(jp('$.version'), 'matches', '^v\\d+\\.\\d+\\.\\d+$')]), [])
  t.match(await failures([a(body, 'matches', 'hello \\w+')]), [/^body matches "hello \\\\w\+": got "\{\\"status/], 'a failure shows the start of the text')
  t.same(await failures([a(body, 'matches', '^hello \\w+$')], '/text'), [])
  t.match(await failures([a(body, 'matches', '(a+)+$')], '/text'), [/^body matches "\(a\+\)\+\$": unsafe regular expression \/\(a\+\)\+\$\/: /])
  t.match(await failures([a(body, 'matches', '[oops')], '/text'), [/^body matches "\[oops": invalid regular expression \/\[oops\/: /])
})

t.test('exists and count', async (t) => {
  t.same(await failures([a(jp('$.status'), 'exists'), a(jp('$.none'), 'exists'), a(header('X-Request-Id'), 'exists'), a(jp('$.items'), 'count', 3), a(jp('$.items[*].id'), 'count', 3)]), [])
  t.same(await failures([a(jp('$.nope'), 'exists')]), ['jsonpath "$.nope" exists: got nothing'])
  t.same(await failures([a(header('X-Nope'), 'exists')]), ['header "X-Nope" exists: got nothing'])
  t.same(await failures([a(jp('$.items'), 'count', 2)]), ['jsonpath "$.items" count 2: got [{"id":1},{"id":2},{"id":3}]'])
  t.same(await failures([a(jp('$.status'), 'count', 2)]), ['jsonpath "$.status" count 2: expected a list to count, got "ok"'])
})

t.test('not negates any predicate', async (t) => {
  t.same(await failures([a(jp('$.nope'), 'exists', undefined, true), a(jp('$.status'), '==', 'down', true), a(jp('$.version'), 'contains', '9', true), a(status, '>=', 400, true), a(body, 'matches', 'error', true)]), [])
  t.same(await failures([a(jp('$.status'), 'exists', undefined, true)]), ['jsonpath "$.status" not exists: got "ok"'])
  t.same(await failures([a(jp('$.status'), '==', 'ok', true)]), ['jsonpath "$.status" not == "ok": got "ok"'])
})

t.test('an explicit status assert replaces the 2xx default', async (t) => {
  const outcome = await runHttpStep(httpStep({url: `${server.url}/json`, asserts: [a(status, '==', 200)]}), {env: {}, dir: '.', timeoutMs: 5000})
  t.ok(outcome.ok)
})
