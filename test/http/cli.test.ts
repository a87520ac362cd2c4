// Through the real CLI (`node dist/bin/runbook.js run`, built with `npx tsc -p .`): http steps,
// captures seen by later shell steps, check tables and expectation failures as a user sees them.
import t, {type Test} from 'tap'
import {existsSync} from 'node:fs'
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {json, startServer, type TestServer} from '../helpers/http-fixtures.js'

let server: TestServer
t.before(async () => {
  server = await startServer((req, res) => {
    if (req.method === 'POST' && req.url === '/items') return json(res, 201, {id: '0f8fad5b-d9cb-469f-a165-70867728950e', name: JSON.parse(req.body).name})
    if (req.url === '/health') return json(res, 200, {status: 'ok'})
    if (req.url === '/v1/runs') return json(res, 401, {error: 'auth'})
    if (req.url === '/down') return json(res, 503, {status: 'down'}, {'retry-after': '30'})
    json(res, 404, {error: 'not found'})
  })
})
t.teardown(() => server.close())

async function run(t: Test, markdown: string, args: string[] = []) {
  const dir = t.testdir({'doc.md': markdown})
  const result = await runCli(['run', 'doc.md', '--reporter', 'plain', ...args], {cwd: dir, env: {BASE: server.url}, timeoutMs: 60_000})
  return {...result, dir}
}

const fence = '```'

t.test('an http step captures a value that a later shell step echoes', async (t) => {
  const doc = [
    '# Items',
    `${fence}http {#create status=201 within=5s}`,
    'POST ${BASE}/items',
    'Content-Type: application/json',
    '',
    '{"name": "widget"}',
    '',
    '[Asserts]',
    'jsonpath "$.name" == "widget"',
    'header "Content-Type" contains "json"',
    '',
    '[Captures]',
    'ITEM_ID: jsonpath "$.id"',
    fence,
    `${fence}json {expect}`,
    '{"id": "<uuid>", "name": "widget"}',
    fence,
    `${fence}bash {#show}`,
    'echo "item=${ITEM_ID}"',
    fence,
    `${fence}text {expect}`,
    'item=0f8fad5b-d9cb-469f-a165-70867728950e',
    fence,
    '',
  ].join('\n')
  const result = await run(t, doc)
  t.equal(result.code, 0, result.stdout + result.stderr)
  t.match(result.stdout, /✓ create/)
  t.match(result.stdout, /✓ show/)
})

t.test('a failing text expectation exits 1 and shows the diff naming the pattern', async (t) => {
  const doc = ['# Count', `${fence}bash {#count}`, "printf 'total: 3.5\\ndone\\n'", fence, `${fence}text {expect}`, 'total: <int>', 'done', fence, ''].join('\n')
  const result = await run(t, doc)
  t.equal(result.code, 1)
  t.match(result.stdout, /line 1: expected <int>, got "3\.5"/)
  t.match(result.stdout, /-total: <int>\n\s*\+total: 3\.5/)
})

t.test('a failing http step shows status, JSON path of the mismatch and the start of the body', async (t) => {
  const doc = ['# Down', `${fence}http {#down}`, 'GET ${BASE}/down', fence, `${fence}json {expect}`, '{"status": "ok"}', fence, ''].join('\n')
  const result = await run(t, doc)
  t.equal(result.code, 1)
  t.match(result.stdout, /status 503 \(expected 2xx\)/)
  t.match(result.stdout, /\$\.status: expected "ok", got "down"/)
})

t.test('a check table passes at its threshold and fails one below, with per-row results', async (t) => {
  const table = (threshold: string) =>
    [
      '# Smoke',
      `<!-- runbook: http id=smoke base=\${BASE} threshold=${threshold} -->`,
      '| Method | Endpoint | Expected Status | Assertions |',
      '|---|---|---|---|',
      '| GET | /health | 200 | `jsonpath "$.status" == "ok"`; `duration < 5000` |',
      '| GET | /v1/runs | 401 or 200 | |',
      '| GET | /down | 200 | |',
      '',
    ].join('\n')
  const passing = await run(t, table('2/3'), ['--out', 'out.md'])
  t.equal(passing.code, 0, passing.stdout + passing.stderr)
  const written = await readFile(path.join(passing.dir, 'out.md'), 'utf8')
  t.match(written, /✅ 200 · \d+ ?ms/, 'a passing row gets its result')
  t.match(written, /❌ 503 · \d+ ?ms/, 'the failing row too')
  const failing = await run(t, table('3/3'))
  t.equal(failing.code, 1)
  t.match(failing.stdout, /2 of 3 checks passed \(threshold 3\/3\)/)
})

t.test('(a+)+$ is refused before the run, never tried against a 50 KB line', async (t) => {
  const dir = t.testdir({
    'doc.md': ['# Regex', `${fence}bash {#long}`, 'node -e "process.stdout.write(\'a\'.repeat(50000) + \'!\\n\')" > ran.txt', fence, `${fence}text {expect}`, '(a+)+$ (re)', fence, ''].join('\n'),
  })
  const result = await runCli(['run', 'doc.md', '--reporter', 'plain'], {cwd: dir, timeoutMs: 30_000})
  t.equal(result.code, 2, 'an authoring error: exit 2 before any step (the CLI is killed after 30 s)')
  t.match(result.stderr, /doc\.md:6:1: error: Unsafe regular expression \/\(a\+\)\+\$\/: `\(a\+\)\+` can match the same text in more than one way/)
  t.notOk(existsSync(path.join(dir, 'ran.txt')), 'the step did not run')
})

t.test('--update blesses only the lines that did not match', async (t) => {
  const doc = ['# Bless', `${fence}bash {#b}`, "printf 'id: 42\\ncount: 7\\n'", fence, `${fence}text {expect}`, 'id: <int>', 'count: 3', fence, ''].join('\n')
  const result = await run(t, doc, ['--update'])
  t.equal(result.code, 1, 'the run itself failed')
  const updated = await readFile(path.join(result.dir, 'doc.md'), 'utf8')
  t.match(updated, /id: <int>\ncount: 7\n/, 'the placeholder line is kept, the literal line rewritten')
  await writeFile(path.join(result.dir, 'again.md'), updated)
  const again = await runCli(['run', 'again.md', '--reporter', 'plain'], {cwd: result.dir, timeoutMs: 60_000})
  t.equal(again.code, 0, 'the blessed runbook passes')
})
