import t from 'tap'
import type {HttpCheckResult} from '../../lib/result.js'
import {makeResult} from '../helpers/make-result.js'
import {writeBack} from '../helpers/writeback.js'

// The Result column of check tables written in less common shapes.

type Row = {ok: boolean; status?: number; error?: string; row?: number}
const checks = (rows: Row[]): HttpCheckResult[] =>
  rows.map(({ok, status, error, row}, i) => ({stepId: 'smoke', row: row ?? i, method: 'GET', url: `http://127.0.0.1:1/r${i}`, ok, status, latencyMs: 12.4 + i, failures: ok ? [] : ['status'], ...(error ? {error} : {})}))
const run = (source: string, rows: Row[], stable = true) => {
  const out = writeBack(source, {stable}, (runbook) => makeResult(runbook, {smoke: {checks: checks(rows), stdout: ''}}))
  return out.slice(out.indexOf('<!-- runbook: http'))
}
const marker = '<!-- runbook: http id=smoke -->\n'

t.test('a table in a blockquote, with trailing blanks, gets its cells before the blanks', async (t) => {
  const source = `# T\n\n> ${marker}> | Method | URL | Status |   \n> |---|---|---|\t\n> | GET | http://127.0.0.1:1/a | 200 |  \t\n`
  t.equal(run(source, [{ok: true, status: 200}]), `${marker}> | Method | URL | Status | Result |   \n> |---|---|---| --- |\t\n> | GET | http://127.0.0.1:1/a | 200 | ✅ 200 |  \t\n`)
})

t.test('an escaped pipe inside a cell is not a column boundary', async (t) => {
  const source = `# T\n\n${marker}| Method | URL | Status | Note |\n|---|---|---|---|\n| GET | http://127.0.0.1:1/a | 200 | a \\| b |\n`
  t.equal(run(source, [{ok: true, status: 200}]), `${marker}| Method | URL | Status | Note | Result |\n|---|---|---|---| --- |\n| GET | http://127.0.0.1:1/a | 200 | a \\| b | ✅ 200 |\n`)
})

t.test('an existing Result column: cells replaced, a missing cell added, a row without a check gets a dash', async (t) => {
  const source = `# T\n\n${marker}| Method | URL | Status | Result |\n|---|---|---|---|\n| GET | http://127.0.0.1:1/a | 200 |\n| GET | http://127.0.0.1:1/b | 200 | old |\n| GET | http://127.0.0.1:1/c | 200\n`
  t.equal(run(source, [{ok: true, status: 200}, {ok: false, status: 500, row: 1}], false),
    `${marker}| Method | URL | Status | Result |\n|---|---|---|---|\n| GET | http://127.0.0.1:1/a | 200 | ✅ 200 · 12 ms |\n| GET | http://127.0.0.1:1/b | 200 | ❌ 500 · 13 ms |\n| GET | http://127.0.0.1:1/c | 200 | –\n`)
})

t.test('no checks at all leave the table alone; an error stands where the status would', async (t) => {
  const source = `# T\n\n${marker}| Method | URL | Status |\n|---|---|---|\n| GET | http://127.0.0.1:1/a | 200 |\n`
  t.equal(run(source, []), source.slice(5))
  t.equal(run(source, [{ok: false, error: 'refused'}], false), `${marker}| Method | URL | Status | Result |\n|---|---|---| --- |\n| GET | http://127.0.0.1:1/a | 200 | ❌ refused · 12 ms |\n`)
})
