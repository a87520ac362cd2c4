// HTTP checks on what the parser really produces from Markdown (no executor involved).
import t from 'tap'
import {readFileSync} from 'node:fs'
import {runCheckTable, runHttpStep} from '../../lib/http/index.js'
import {parseRunbook} from '../../lib/parse/index.js'
import {json, startServer, type TestServer} from '../helpers/http-fixtures.js'
import {repoPath} from '../helpers/paths.js'

const source = readFileSync(repoPath('test/fixtures/http/api.md'), 'utf8')
const names = new Set<string>()
let server: TestServer
t.before(async () => {
  server = await startServer((req, res) => {
    if (req.method === 'POST' && req.url === '/items') {
      const {name} = JSON.parse(req.body) as {name: string}
      if (names.has(name)) return json(res, 409, {error: {code: 'CONFLICT', message: 'exists'}})
      names.add(name)
      return json(res, 201, {id: '0f8fad5b-d9cb-469f-a165-70867728950e', name, tags: ['new']})
    }
    if (req.url === '/health') return json(res, 200, {status: 'ok'})
    if (req.url === '/v1/runs') return json(res, 401, {error: 'auth'})
    json(res, 404, {error: 'not found'})
  })
})
t.teardown(() => server.close())

t.test('an http block with [Asserts], [Captures] and a JSON {expect}', async (t) => {
  const runbook = parseRunbook(source, {file: 'api.md', dir: '.'})
  t.same(runbook.diagnostics.map((d) => d.format()), [], 'the fixture parses cleanly')
  const context = {env: {BASE: server.url, NAME: 'widget'}, dir: '.', timeoutMs: 5000}
  const created = await runHttpStep(runbook.steps[0]!, context)
  t.ok(created.ok, created.reason ?? 'created')
  t.same(created.captures, {ITEM_ID: '0f8fad5b-d9cb-469f-a165-70867728950e'})
  const conflict = await runHttpStep(runbook.steps[1]!, context)
  t.notOk(conflict.ok, 'the second POST is a 409 with another error code')
  t.same(conflict.check.failures, ['body: $.error.code: expected "DUPLICATE", got "CONFLICT"'])
  t.match(conflict.expectationFailures[0], {index: 0, message: '$.error.code: expected "DUPLICATE", got "CONFLICT"'})
})

t.test('a check table with `401 or 200`, assertions and threshold=2/3', async (t) => {
  const runbook = parseRunbook(source, {file: 'api.md', dir: '.'})
  const outcome = await runCheckTable(runbook.tables[0]!, {env: {BASE: server.url}, dir: '.', timeoutMs: 5000})
  t.same(outcome.checks.map((c) => [c.row, c.status, c.ok]), [[0, 200, true], [1, 401, true], [2, 404, false]])
  t.equal(outcome.passed, 2)
  t.equal(outcome.ok, true, 'two of three is enough')
})
