import t from 'tap'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../../helpers/cli.js'
import {startServer} from '../../helpers/http-fixtures.js'
import {tree} from '../../helpers/many-files.js'

const fence = '```'

t.test('a single run writes an HTML page with its check table, evidence links, escaped and redacted text', async (t) => {
  const server = await startServer((request, response) => {
    response.statusCode = request.url === '/healthz' ? 200 : 503
    response.end('{"status":"ok"}')
  })
  t.teardown(() => server.close())
  const repo = tree({
    'smoke.md': [
      '# Smoke',
      '',
      `${fence}bash {#token}`,
      'echo "token is $API_TOKEN & <b>bold</b>"',
      fence,
      '',
      `<!-- runbook: http id=checks base=${server.url} -->`,
      '| Method | Endpoint | Expected Status |',
      '|--------|----------|-----------------|',
      '| GET | /healthz | 200 |',
      '| GET | /readyz | 200 |',
      '',
    ].join('\n'),
  })
  t.teardown(repo.cleanup)
  const run = await runCli(['run', 'smoke.md', '--evidence', 'ev', '--reporter', 'html=report.html'], {cwd: repo.dir, env: {API_TOKEN: 'hunter2-very-secret'}})
  t.equal(run.code, 1, run.stderr)
  t.match(run.stdout, /✗ checks/, 'plain stays on the terminal')
  const html = readFileSync(path.join(repo.dir, 'report.html'), 'utf8')
  t.notMatch(html, /hunter2-very-secret/, 'the secret never reaches the page')
  t.match(html, /token is \*\*\* &amp; &lt;b&gt;bold&lt;\/b&gt;/, 'masked and escaped')
  t.match(html, /<table class="checks">[\s\S]*<tr class="ok"><td>✓<\/td><td>GET<\/td><td>http:\/\/127\.0\.0\.1:\d+\/healthz<\/td><td>200<\/td>/, 'the check table with each row')
  t.match(html, /<tr class="bad"><td>✗<\/td><td>GET<\/td><td>http:\/\/127\.0\.0\.1:\d+\/readyz<\/td><td>503<\/td>/)
  t.match(html, /<details class="step s-failed failed" id="step-smoke_md-checks" open>/, 'the failing table is open')
  t.match(html, /<a href="ev\/steps\/token\/stdout\.log">stdout\.log<\/a>/, 'links into the single run evidence folder')
  t.match(html, /<a href="ev\/manifest\.json">manifest<\/a>/)
})
