import t from 'tap'
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {createGithubActions, workflowCommand} from '../../lib/report/index.js'
import {patchResult, recorded, withOutput, withRunbook} from '../helpers/recorded-events.js'
import {collector} from '../helpers/report-sink.js'

async function renderGithub(env: Record<string, string | undefined>, events = recorded('deploy')) {
  const sink = collector()
  const reporter = createGithubActions(env, sink.stream)
  if (!reporter) throw new Error('expected a reporter')
  for (const event of events) reporter.onEvent(event)
  await reporter.close()
  return sink.text()
}

t.test('outside GitHub Actions there is no GitHub reporter', async (t) => {
  const sink = collector()
  t.equal(createGithubActions({}, sink.stream), undefined)
  t.equal(createGithubActions({GITHUB_ACTIONS: 'false'}, sink.stream), undefined)
})

t.test('each step that ran has its output in a group', async (t) => {
  const text = await renderGithub({GITHUB_ACTIONS: 'true'})
  t.match(text, /^::group::install \(passed, 1\.2s\)\n::stop-commands::([0-9a-f]+)\nadded 12 packages\n::\1::\n::endgroup::$/m)
  t.match(text, /^::group::migrate \(failed, 1\.2s\)$/m)
  t.match(text, /^::group::seed \(timed-out, 1\.2s\)$/m)
  t.match(text, /^token is \*\*\*$/m, 'the secret stays masked')
  t.notMatch(text, /hunter2/)
  t.notMatch(text, /::group::docs|::group::smoke/, 'skipped and not-run steps have no group')
  t.equal(text.match(/^::group::/gm)?.length, text.match(/^::endgroup::$/gm)?.length, 'every group is closed')
})

t.test('failures become error annotations at the step line, escaped by the workflow-command rules', async (t) => {
  const text = await renderGithub({GITHUB_ACTIONS: 'true'})
  const migrate = /^::error file=deploy\.md,line=23,title=runbook%3A step migrate failed::(.*)$/m.exec(text)
  t.ok(migrate, 'an error at deploy.md line 23')
  t.match(migrate?.[1], /^expected output did not match: line 2: expected "ready", got "starting"%0Aexpectation 1: /)
  t.match(migrate?.[1], /%0A  -ready%0A  \+starting/, 'the diff, with newlines escaped')
  t.notMatch(migrate?.[1], /\n/)
  t.match(text, /^::error file=deploy\.md,line=34,title=runbook%3A step health failed::GET http:\/\/127\.0\.0\.1:8080\/health: status 503 \(expected 200\)%0A/m)
  t.match(text, /^::error file=deploy\.md,line=38,title=runbook%3A step seed timed out::timed out after 1\.0s/m)
  t.match(text, /^::warning file=deploy\.md,line=51,/m, 'an allowed failure is a warning')
})

t.test('properties escape %, CR, LF, colon and comma; messages escape %, CR and LF', async (t) => {
  // The recorded runbook's own name holds a comma, a colon and a percent sign, and so does its
  // reason; a reason with CR LF in it is set on it.
  const real = await renderGithub({GITHUB_ACTIONS: 'true'}, recorded('odd-name'))
  t.match(real, /^::error file=odd%2Cname%3A50%25\.md,line=3,title=runbook%3A step odd failed::stdout does not contain "100%25, really: b"$/m)
  const events = patchResult(recorded('odd-name'), 'odd', {reason: '100% broken\r\nreally, a: b'})
  const text = await renderGithub({GITHUB_ACTIONS: 'true'}, events)
  t.match(text, /^::error file=odd%2Cname%3A50%25\.md,line=3,title=runbook%3A step odd failed::100%25 broken really, a: b$/m)
  t.equal(workflowCommand('error', {file: 'a,b:c%d\r\ne', line: 3}, '50%\r\ndone'), '::error file=a%2Cb%3Ac%25d%0D%0Ae,line=3::50%25%0D%0Adone\n')
})

t.test('workflow commands printed by a step stay inert', async (t) => {
  const text = await renderGithub({GITHUB_ACTIONS: 'true'}, recorded('hostile'))
  t.match(text, /^::add-mask::x\n::error::fake$/m, 'the step printed workflow commands')
  const token = /^::group::sneaky .*\n::stop-commands::([0-9a-f]+)$/m.exec(text)?.[1]
  t.ok(token, 'the group of the step that printed them stops commands')
  const start = text.indexOf(`::stop-commands::${token}`)
  const end = text.indexOf(`::${token}::`)
  t.ok(start < text.indexOf('::error::fake') && text.indexOf('::error::fake') < end, 'the output sits between stop-commands and its resume token')
})

t.test('with GITHUB_WORKSPACE, an absolute runbook path becomes relative to the repository', async (t) => {
  const dir = t.testdir({})
  const events = withRunbook(recorded('odd-name'), path.join(dir, 'docs', 'ops.md'))
  const text = await renderGithub({GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir}, events)
  t.match(text, /^::error file=docs\/ops\.md,line=3,/m)
})

t.test('a summary table is appended to $GITHUB_STEP_SUMMARY', async (t) => {
  const dir = t.testdir({})
  const summary = path.join(dir, 'summary.md')
  await writeFile(summary, '# earlier content\n')
  await renderGithub({GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary})
  const text = await readFile(summary, 'utf8')
  t.match(text, /^# earlier content\n/, 'appended, not overwritten')
  t.match(text, /### runbook `deploy\.md`: failed/)
  t.match(text, /\| Step \| Status \| Attempts \| Duration \| Line \| Reason \|/)
  t.match(text, /^\| `install` \| ✅ passed \| 1 \| 1\.2s \| 10 \| {2}\|$/m)
  t.match(text, /^\| `wait-db` \| ✅ passed \| 3 \| 1\.2s \| 14 \|/m)
  t.match(text, /^\| `migrate` \| ❌ failed \| 1 \| 1\.2s \| 23 \| expected output did not match: line 2: expected "ready", got "starting" \|$/m)
  t.match(text, /^\| `seed` \| ⏱️ timed-out \| 1 \| 1\.2s \| 38 \| timed out after 1\.0s \|$/m)
  t.match(text, /^\| `smoke` \| ⏭️ not-run \| 0 \| {2}\| 47 \| needs 'migrate', which ended failed \|$/m, 'the backticks of the reason cannot break the cell')
  t.match(text, /^\| `lint` \| ⚠️ failed \(allowed\) \| 1 \| 1\.2s \| 51 \| exit code 2 \(expected 0\) \|$/m)
  t.match(text, /3 passed, 2 failed, 1 allowed to fail, 1 timed out, 1 not run, 1 skipped in 9\.0s/)
})

t.test('an interrupted run still writes its summary; table cells cannot break the table', async (t) => {
  const dir = t.testdir({})
  const summary = path.join(dir, 'summary.md')
  // The interrupt is real; a reason with a pipe, a newline and markup is set on the step it hit.
  await renderGithub({GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary}, patchResult(recorded('interrupted'), 'deploy', {reason: 'a | b\nc <script>'}))
  const text = await readFile(summary, 'utf8')
  t.match(text, /: interrupted \(SIGINT\)/)
  t.match(text, /^\| `deploy` \| ⛔ interrupted \| 1 \| 1\.2s \| 9 \| a \\\| b c &lt;script&gt; \|$/m)
  t.match(text, /^\| `cleanup` \| ✅ passed \| 1 \| 1\.2s \| 15 \| {2}\|$/m)
})

t.test('a step printing megabytes keeps a bounded group with the end of its output', async (t) => {
  // A real step's output, grown to 3 MB (no fixture that size belongs in the repository).
  const events = withOutput(recorded('interrupted'), 'build', `${'x'.repeat(99)}\n`.repeat(30_000) + 'the last line\n')
  const text = await renderGithub({GITHUB_ACTIONS: 'true'}, events)
  t.ok(text.length < 600_000, `${text.length} characters printed for 3 MB of output`)
  t.match(text, /… \d+ characters omitted \(see the evidence logs\) …/)
  t.match(text, /the last line\n::[0-9a-f]+::\n::endgroup::/)
})

t.test('one huge output chunk is cut to the end of the line it holds', async (t) => {
  const events = withOutput(recorded('interrupted'), 'build', `${'z'.repeat(3_000_000)}END\n`)
  const text = await renderGithub({GITHUB_ACTIONS: 'true'}, events)
  t.ok(text.length < 600_000, `${text.length} characters printed for a 3 MB line`)
  t.match(text, /… \d+ characters omitted[^\n]*\nz+END\n::/)
})
