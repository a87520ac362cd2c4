import t from 'tap'
import {resolveUrl, runCheckTable} from '../../lib/http/index.js'
import type {HttpCheckResult} from '../../lib/result.js'
import {assertion, checkTable, json, startServer, type TestServer} from '../helpers/http-fixtures.js'

let server: TestServer
t.before(async () => {
  server = await startServer((req, res) => {
    const delay = /^\/slow\/(\d+)/.exec(req.url)?.[1]
    if (delay !== undefined) return void setTimeout(() => json(res, 200, {slow: true}), Number(delay))
    const code = Number(/^\/code\/(\d+)/.exec(req.url)?.[1] ?? 200)
    json(res, code, {path: req.url, status: code < 400 ? 'ok' : 'down'})
  })
})
t.teardown(() => server.close())

const ok = {codes: [200], classes: []}
// Ten rows: `failing` of them answer 503 where 200 is expected.
const rows = (failing: number) => Array.from({length: 10}, (_, i) => ({url: i < failing ? `/code/503?row=${i}` : `/code/200?row=${i}`, status: ok}))

t.test('threshold=8/10 passes with exactly 8 passing rows, with per-row results', async (t) => {
  const seen: HttpCheckResult[] = []
  const outcome = await runCheckTable(checkTable(rows(2), {base: '${BASE}', threshold: {pass: 8, of: 10}}), {env: {BASE: server.url}, dir: '.', timeoutMs: 5000, onCheck: (c) => seen.push(c)})
  t.equal(outcome.ok, true)
  t.equal(outcome.passed, 8)
  t.equal(outcome.checks.length, 10, 'one result per row')
  t.same(outcome.checks.map((c) => c.row), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 'in row order')
  t.same(outcome.checks.map((c) => c.ok), [false, false, true, true, true, true, true, true, true, true])
  t.match(outcome.checks[0], {stepId: 'smoke', method: 'GET', status: 503, ok: false, failures: ['status 503 (expected 200)'], latencyMs: Number})
  t.match(outcome.checks[2], {status: 200, ok: true, url: `${server.url}/code/200?row=2`})
  t.equal(seen.length, 10, 'each row reported through onCheck')
})

t.test('threshold=8/10 fails with 7 passing rows, saying why', async (t) => {
  const outcome = await runCheckTable(checkTable(rows(3), {base: server.url, threshold: {pass: 8, of: 10}}), {env: {}, dir: '.', timeoutMs: 5000})
  t.equal(outcome.ok, false)
  t.equal(outcome.passed, 7)
  t.match(outcome.reason, /^7 of 10 checks passed \(threshold 8\/10\); first failure: GET http:\/\/127\.0\.0\.1:\d+\/code\/503\?row=0: status 503 \(expected 200\)$/)
})

t.test('without a threshold every row must pass', async (t) => {
  t.equal((await runCheckTable(checkTable(rows(0), {base: server.url}), {env: {}, dir: '.', timeoutMs: 5000})).ok, true)
  const one = await runCheckTable(checkTable(rows(1), {base: server.url}), {env: {}, dir: '.', timeoutMs: 5000})
  t.equal(one.ok, false)
  t.match(one.reason, /^9 of 10 checks passed \(all must pass\)/)
})

t.test('status alternatives, default 2xx, and an Assertions column', async (t) => {
  const table = checkTable(
    [
      {url: '/code/401', status: {codes: [401, 200], classes: []}},
      {url: '/code/204'},
      {url: '/code/200', asserts: [assertion({type: 'jsonpath', path: '$.status'}, '==', 'ok'), assertion({type: 'duration'}, '<', 10_000)]},
      {url: '/code/200', asserts: [assertion({type: 'jsonpath', path: '$.status'}, '==', 'degraded')]},
      {url: '/code/500'},
    ],
    {base: server.url},
  )
  const outcome = await runCheckTable(table, {env: {}, dir: '.', timeoutMs: 5000})
  t.same(outcome.checks.map((c) => c.ok), [true, true, true, false, false])
  t.same(outcome.checks[3]!.failures, ['jsonpath "$.status" == "degraded": got "ok"'])
  t.match(outcome.checks[4], {failures: ['status 500 (expected 2xx)'], headers: {'content-type': 'application/json'}, bodyStart: /"status":"down"/})
})

t.test('within= on the table applies to every row', async (t) => {
  // The row's server answers after 100 ms, so it cannot be within 10 ms on any machine.
  const outcome = await runCheckTable(checkTable([{url: '/slow/100'}], {base: server.url, options: {withinMs: 10}}), {env: {}, dir: '.', timeoutMs: 60_000})
  t.match(outcome.checks[0]!.failures, [/^took \d+ms \(expected within 10ms\)$/])
})

t.test('an unreachable row fails with the connection error; the others still run', async (t) => {
  const dead = await startServer(() => {})
  const deadUrl = dead.url
  await dead.close()
  const outcome = await runCheckTable(checkTable([{url: `${deadUrl}/x`}, {url: '/code/200'}], {base: server.url}), {env: {}, dir: '.', timeoutMs: 5000})
  t.match(outcome.checks[0], {ok: false, error: /^connection refused/})
  t.equal(outcome.checks[1]!.ok, true)
})

t.test('row URLs: base + path, absolute URLs stand alone', async (t) => {
  t.equal(resolveUrl('http://h:1/api/', '/v1/runs'), 'http://h:1/api/v1/runs')
  t.equal(resolveUrl('http://h:1', 'health'), 'http://h:1/health')
  t.equal(resolveUrl('http://h:1', '`/health`'), 'http://h:1/health')
  t.equal(resolveUrl('http://h:1', 'https://other/x'), 'https://other/x')
})
