import t from 'tap'
import type {HttpCheckResult} from '../../lib/result.js'
import {fixture, parse, writeBack} from '../helpers/writeback.js'
import {makeResult} from '../helpers/make-result.js'

const checks = (statuses: Array<[boolean, number | undefined, string?]>): HttpCheckResult[] =>
  statuses.map(([ok, status, error], row) => ({stepId: 'smoke', row, method: 'GET', url: `http://127.0.0.1:1/r${row}`, ok, status, latencyMs: 12 + row, failures: ok ? [] : ['status'], ...(error ? {error} : {})}))

const run = (source: string, rows: Array<[boolean, number | undefined, string?]>, stable = true) =>
  writeBack(source, {stable}, (runbook) => makeResult(runbook, {smoke: {checks: checks(rows), stdout: ''}}))

t.test('a check table gains a Result column once, with a valid alignment row', async (t) => {
  const out = run(fixture('table.md'), [[true, 200], [false, 503], [false, undefined, 'connection refused']], false)
  const lines = out.split('\n')
  const header = lines.findIndex((line) => line.startsWith('| Method'))
  t.equal(lines[header], '| Method | Endpoint | Expected Status | Result |')
  t.equal(lines[header + 1], '|:-------|---------:|:---------------:| --- |')
  t.equal(lines[header + 2], '| GET    | /healthz | 200             | ✅ 200 · 12 ms |')
  t.equal(lines[header + 3], '| GET    | /readyz  | 200             | ❌ 503 · 13 ms |')
  t.equal(lines[header + 4], '| POST   | /login   | 401 or 200      | ❌ connection refused · 14 ms |')
  const table = parse(out).tables[0]!
  t.equal(table.columns.result, 3, 'the parser sees the Result column')
  t.equal(table.align.length, 4, 'four aligned columns')
  t.same(table.rows.map((row) => row.cells.length), [4, 4, 4])
})

t.test('the Result column is updated in place on the next run, never added twice', async (t) => {
  const first = run(fixture('table.md'), [[true, 200], [false, 503], [true, 401]])
  const second = run(first, [[true, 200], [true, 200], [true, 200]])
  t.equal(second.match(/Result/g)?.length, 1)
  t.match(second, '| GET    | /readyz  | 200             | ✅ 200 |')
  t.equal(run(second, [[true, 200], [true, 200], [true, 200]]), second, 'a fixed point')
})

t.test('rows without a leading or trailing pipe, and short rows, get a cell in the right column', async (t) => {
  const source = '# T\n\n<!-- runbook: http id=smoke -->\nMethod | URL | Status\n--- | :---: | ---\nGET | http://127.0.0.1:1/a | 200\nGET | http://127.0.0.1:1/b\n'
  const out = run(source, [[true, 200], [true, 204]])
  t.match(out, 'Method | URL | Status | Result\n--- | :---: | --- | ---\nGET | http://127.0.0.1:1/a | 200 | ✅ 200\nGET | http://127.0.0.1:1/b |  | ✅ 204\n')
  t.same(parse(out).tables[0]!.rows.map((row) => row.cells[3]), ['✅ 200', '✅ 204'])
})
