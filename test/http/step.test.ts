import t from 'tap'
import type {ServerResponse} from 'node:http'
import {runHttpStep, type HttpContext} from '../../lib/http/index.js'
import type {HttpCheckResult} from '../../lib/result.js'
import {assertion, expectation, httpStep, json, startServer, type TestServer} from '../helpers/http-fixtures.js'

let server: TestServer
// Requests to /hang get no answer until the test ends; `arrived` resolves when one comes in, so a
// test can interrupt a request that is really in flight instead of guessing when it is.
const hanging = new Set<ServerResponse>()
const deferred = () => {
  let resolve!: () => void
  const promise = new Promise<void>((done) => (resolve = done))
  return {promise, resolve}
}
let arrived = deferred()
t.before(async () => {
  server = await startServer((req, res) => {
    const url = new URL(req.url, 'http://x')
    if (url.pathname === '/hang') {
      hanging.add(res)
      arrived.resolve()
    } else if (url.pathname === '/status') {
      res.writeHead(Number(url.searchParams.get('code')), {'x-from': 'test'})
      res.end(`status ${url.searchParams.get('code')}`)
    } else if (url.pathname === '/slow') {
      setTimeout(() => json(res, 200, {slow: true}), Number(url.searchParams.get('ms')))
    } else if (url.pathname === '/echo') {
      json(res, 201, {method: req.method, auth: req.headers['authorization'] ?? null, type: req.headers['content-type'] ?? null, body: req.body ? JSON.parse(req.body) : null})
    } else if (url.pathname === '/health') {
      json(res, 200, {status: 'ok', request_id: '123e4567-e89b-12d3-a456-426614174000', checks: [{name: 'db'}, {name: 'cache'}]})
    } else if (url.pathname === '/big') {
      res.writeHead(500, {'content-type': 'text/plain'})
      res.end('E'.repeat(10_000))
    } else {
      json(res, 404, {error: 'not found'})
    }
  })
})
t.teardown(() => {
  for (const res of hanging) res.destroy()
  return server.close()
})

const context = (extra: Partial<HttpContext> = {}): HttpContext => ({env: {BASE: server.url}, dir: '.', timeoutMs: 5000, ...extra})

t.test('default status: any 2xx passes, anything else fails', async (t) => {
  t.ok((await runHttpStep(httpStep({url: '${BASE}/status?code=204'}), context())).ok)
  const failed = await runHttpStep(httpStep({url: '${BASE}/status?code=503'}), context())
  t.notOk(failed.ok)
  t.match(failed.check, {ok: false, status: 503, failures: ['status 503 (expected 2xx)']})
  t.match(failed.reason, /^GET http:\/\/127\.0\.0\.1:\d+\/status\?code=503: status 503 \(expected 2xx\)$/)
})

t.test('status=: one code, a list, a class', async (t) => {
  const run = (code: number, status: {codes: number[]; classes: number[]}) => runHttpStep(httpStep({url: `\${BASE}/status?code=${code}`}, {status}), context())
  t.ok((await run(200, {codes: [200], classes: []})).ok, '200 = 200')
  t.notOk((await run(201, {codes: [200], classes: []})).ok, '201 ≠ 200')
  t.ok((await run(401, {codes: [401, 200], classes: []})).ok, '401 in 401,200')
  t.ok((await run(200, {codes: [401, 200], classes: []})).ok, '200 in 401,200')
  t.match((await run(403, {codes: [401, 200], classes: []})).check.failures, ['status 403 (expected 401 or 200)'])
  t.ok((await run(404, {codes: [], classes: [4]})).ok, '404 in 4xx')
  t.match((await run(500, {codes: [], classes: [4]})).check.failures, ['status 500 (expected 4xx)'])
})

t.test('within= bounds the latency', async (t) => {
  t.ok((await runHttpStep(httpStep({url: '${BASE}/slow?ms=0'}, {withinMs: 600_000}), context())).ok)
  // The server answers after 300 ms, so the latency cannot be under the 50 ms bound.
  const slow = await runHttpStep(httpStep({url: '${BASE}/slow?ms=300'}, {withinMs: 50}), context())
  t.notOk(slow.ok)
  t.match(slow.check.failures[0], /^took \d+ms \(expected within 50ms\)$/)
  t.ok(slow.check.latencyMs! >= 50, 'latency is reported')
})

t.test('${VAR} is interpolated in the URL, headers and body; JSON bodies get a content type', async (t) => {
  const step = httpStep({
    method: 'POST',
    url: '${BASE}/echo',
    headers: [['Authorization', 'Bearer ${TOKEN}']],
    body: '{"name": "${NAME}"}',
    asserts: [assertion({type: 'jsonpath', path: '$.body.name'}, '==', 'runbook')],
  })
  const outcome = await runHttpStep(step, context({env: {BASE: server.url, TOKEN: 's3cr3t-value', NAME: 'runbook'}}))
  t.ok(outcome.ok, outcome.reason ?? 'interpolated request passes')
  t.same(JSON.parse(outcome.body), {method: 'POST', auth: 'Bearer s3cr3t-value', type: 'application/json', body: {name: 'runbook'}})
})

t.test('body expectations: JSON rules for JSON bodies, with the path of the first mismatch', async (t) => {
  const passing = httpStep({url: '${BASE}/health'}, {}, [expectation('{"status": "ok", "request_id": "<uuid>"}', {kind: 'json', lang: 'json'})])
  t.ok((await runHttpStep(passing, context())).ok)
  const failing = httpStep({url: '${BASE}/health'}, {}, [expectation('{"status": "down"}', {kind: 'json', lang: 'json'}), expectation('<any>"checks":[{"name":"db"}<any>', {mode: 'contains'})])
  const outcome = await runHttpStep(failing, context())
  t.notOk(outcome.ok)
  t.equal(outcome.expectationFailures.length, 1, 'only the failing expectation is reported')
  t.match(outcome.expectationFailures[0], {index: 0, message: '$.status: expected "down", got "ok"', diff: /-\s+"status": "down"/})
  t.match(outcome.check.failures, ['body: $.status: expected "down", got "ok"'])
  t.match(outcome.check, {status: 200, headers: {'content-type': 'application/json'}, bodyStart: /^\{"status":"ok"/}, 'failed check keeps status, headers, body start')
})

t.test('[Captures] return values for later steps; a capture that finds nothing fails', async (t) => {
  const step = httpStep({
    url: '${BASE}/health',
    captures: [
      {name: 'REQUEST_ID', query: {type: 'jsonpath', path: '$.request_id'}, raw: '', line: 1},
      {name: 'FIRST_CHECK', query: {type: 'jsonpath', path: '$.checks[0].name'}, raw: '', line: 2},
      {name: 'NAMES', query: {type: 'jsonpath', path: '$.checks[*].name'}, raw: '', line: 3},
      {name: 'TYPE', query: {type: 'header', name: 'Content-Type'}, raw: '', line: 4},
      {name: 'CODE', query: {type: 'status'}, raw: '', line: 5},
    ],
  })
  const outcome = await runHttpStep(step, context())
  t.ok(outcome.ok)
  t.same(outcome.captures, {REQUEST_ID: '123e4567-e89b-12d3-a456-426614174000', FIRST_CHECK: 'db', NAMES: '["db","cache"]', TYPE: 'application/json', CODE: '200'})
  const missing = await runHttpStep(httpStep({url: '${BASE}/health', captures: [{name: 'NOPE', query: {type: 'jsonpath', path: '$.nope'}, raw: '', line: 1}]}), context())
  t.notOk(missing.ok)
  t.match(missing.check.failures, ['capture NOPE: jsonpath "$.nope" found nothing'])
})

t.test('a failed check keeps only the first ~2 KB of the body', async (t) => {
  const outcome = await runHttpStep(httpStep({url: '${BASE}/big'}), context())
  t.notOk(outcome.ok)
  t.match(outcome.check.bodyStart, /^E{2048}… \(7952 more characters\)$/)
  t.equal(outcome.body.length, 10_000, 'the step output keeps the whole body')
})

t.test('timeouts, interrupts and connection errors are one readable line', async (t) => {
  const slow = await runHttpStep(httpStep({url: '${BASE}/hang?for=timeout'}), context({timeoutMs: 100}))
  t.match(slow, {ok: false, check: {error: 'timed out after 100ms'}})
  const controller = new AbortController()
  arrived = deferred()
  void arrived.promise.then(() => controller.abort('SIGINT'))
  const aborted = await runHttpStep(httpStep({url: '${BASE}/hang?for=interrupt'}), context({signal: controller.signal}))
  t.match(aborted, {ok: false, check: {error: 'interrupted'}})
  const closed = await startServer(() => {})
  const url = closed.url
  await closed.close()
  const refused = await runHttpStep(httpStep({url: `${url}/x`}), context())
  t.match(refused, {ok: false, check: {error: /^connection refused \(127\.0\.0\.1:\d+\)$/}})
  const unset = await runHttpStep(httpStep({url: '${MISSING}/x'}), context())
  t.match(unset, {ok: false, check: {error: 'invalid URL "${MISSING}/x" (a ${VAR} is not set?)'}})
})

t.test('onCheck sees every check; redact masks secrets in what is kept', async (t) => {
  const seen: HttpCheckResult[] = []
  const outcome = await runHttpStep(
    httpStep({url: '${BASE}/status?code=500&token=${TOKEN}'}),
    context({env: {BASE: server.url, TOKEN: 'hunter2hunter2'}, onCheck: (c) => seen.push(c), redact: (s) => s.replaceAll('hunter2hunter2', '***')}),
  )
  t.equal(seen.length, 1)
  t.equal(seen[0], outcome.check)
  t.match(outcome.check.url, /token=\*\*\*$/)
  t.notMatch(outcome.reason, /hunter2/)
})
