import t from 'tap'
import {existsSync, mkdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../../helpers/cli.js'
import {renderInChromium} from '../../helpers/chromium.js'
import {book, tree} from '../../helpers/many-files.js'
import {repoPath} from '../../helpers/paths.js'

const fence = '```'
// Screenshots are kept here for a person (or CI artifact upload) to look at.
const artifacts = repoPath('.tap/artifacts/')

const parallel = [
  '---',
  'runbook:',
  '  concurrency: 2',
  '---',
  '# Deploy check',
  '',
  `${fence}bash {#setup}`,
  'echo ready',
  fence,
  '',
  `${fence}bash {#left needs=setup}`,
  'echo left; sleep 0.4',
  fence,
  '',
  `${fence}bash {#right needs=setup}`,
  'echo right; sleep 0.4',
  fence,
  '',
  `${fence}bash {#verify needs=left,right}`,
  // Output that would fetch something if it were not escaped.
  'echo \'version 2 <img src="http://example.invalid/x.png"> <script src="https://example.invalid/x.js"></script>\'',
  fence,
  '',
  `${fence}text {expect}`,
  'version 3 ...',
  fence,
  '',
].join('\n')

t.test('the HTML report of a failing many-file run renders in Chromium: failing step open, lanes, no request', async (t) => {
  const repo = tree({'docs/deploy.md': parallel, 'docs/ok.md': book('Fine', {hello: 'echo hello'}), 'docs/none.md': '# Prose only\n'})
  t.teardown(repo.cleanup)
  const run = await runCli(['run', 'docs', '--evidence', 'ev', '--reporter', 'plain', '--reporter', 'html=out/report.html'], {cwd: repo.dir})
  t.equal(run.code, 1, run.stderr)
  const file = path.join(repo.dir, 'out/report.html')
  const html = readFileSync(file, 'utf8')
  t.match(html, `<meta http-equiv="Content-Security-Policy" content="default-src 'none';`)
  t.notMatch(html, /\s(?:src|href)="(?:https?:)?\/\//i, 'no src or href points at another host')
  t.notMatch(html, /<script/i, 'no script')

  mkdirSync(artifacts, {recursive: true})
  const screenshot = path.join(artifacts, 'html-report-failing-run.png')
  const page = await renderInChromium(file, {screenshot})
  // Chromium itself calls home (clock, component updates, accounts) even headless; the proxy answers none
  // of it. Everything else would have come from the page.
  const browserOwn = /^(?:CONNECT |[A-Z]+ https?:\/\/)[a-z0-9.-]*\b(?:google\.com|googleapis\.com|gvt1\.com)[:/]/
  t.same(page.requests.filter((line) => !browserOwn.test(line)), [], 'the page fetched nothing')
  t.notMatch(page.requests.join('\n'), /example\.invalid/, 'not the image or script quoted in the output')
  t.ok(existsSync(screenshot) && statSync(screenshot).size > 10_000, `screenshot kept at ${screenshot}`)

  const dom = page.dom
  const failing = /<details class="step s-failed failed" id="([^"]+)" open="">([\s\S]*?)<\/details>/.exec(dom)
  t.ok(failing, 'the failing step is a <details> left open')
  t.match(failing?.[2], /<code>verify<\/code>/)
  t.match(failing?.[2], /<pre class="diff">[\s\S]*<span class="del">-version 3 \.\.\.<\/span>/, 'its expectation diff')
  t.match(failing?.[2], /&lt;img src="http:\/\/example\.invalid\/x\.png"&gt;/, 'output shown as text, not markup')
  t.notMatch(dom, /<details class="step s-passed"[^>]*open/, 'passing steps are closed')
  t.match(dom, /<section class="file" id="file-docs_deploy_md">/)
  t.match(dom, /<section class="file" id="file-docs_ok_md">/, 'one section per file')
  t.match(dom, /<td>skipped<\/td><td>docs\/none\.md<\/td><td>no steps<\/td>/)
  const lanes = new Set([...dom.matchAll(/<span class="lane-key">([^<]+)<\/span>/g)].map((m) => m[1]))
  t.ok(lanes.has('lane 2'), 'left and right ran side by side in two lanes')
  t.match(dom, /<a href="\.\.\/ev\/docs\/deploy\.md\/steps\/verify\/stdout\.log">stdout\.log<\/a>/, 'links into the evidence')
  t.ok(existsSync(path.join(repo.dir, 'ev/docs/deploy.md/steps/verify/stdout.log')), 'and the link target exists')
})
