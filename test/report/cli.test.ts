import t, {type Test} from 'tap'
import {spawn, spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {Parser, type FinalResults} from 'tap-parser'
import type {RunEvent} from '../../lib/events.js'
import {binPath, runCli} from '../helpers/cli.js'
import {waitFor} from '../helpers/run.js'
import {copyFixture, runInPty, unhealthyServer} from '../helpers/report-cli.js'
import {validateXml} from '../helpers/xmllint.js'

const parseTap = (text: string) => new Promise<FinalResults>((resolve) => new Parser(resolve).end(text))

// Run fixtures/report/mixed.md (2 passed, 2 failed, 1 allowed failure, 1 skipped, 1 not run) with a reporter.
async function runMixed(t: Test, args: string[], env: Record<string, string> = {}) {
  const dir = t.testdir({})
  const server = await unhealthyServer()
  t.teardown(server.close)
  const file = await copyFixture('mixed.md', dir)
  return runCli(['run', file, ...args], {cwd: dir, env: {PORT: String(server.port), ...env}, timeoutMs: 60_000})
}

t.test('--reporter tap: tap-parser reads the run with the right counts', async (t) => {
  const result = await runMixed(t, ['--reporter', 'tap'])
  t.equal(result.code, 1)
  const tap = await parseTap(result.stdout)
  t.equal(tap.count, 7)
  t.equal(tap.plan.end, 7)
  t.same(tap.failures.map((f) => f.name), ['health', 'migrate'])
  t.equal(tap.todo, 1, 'the allowed failure')
  t.equal(tap.skip, 2, 'skipped and not run')
  t.equal(tap.pass, 4)
  t.match(tap.failures[0]!.diag, {at: {file: 'mixed.md', line: 25}, checks: [{status: 503}]})
})

t.test('--reporter junit: the XML validates against schemas/junit.xsd with the right counts', async (t) => {
  const result = await runMixed(t, ['--reporter', 'junit'])
  t.equal(result.code, 1)
  const validation = await validateXml(result.stdout)
  t.ok(validation.valid, validation.messages)
  t.match(result.stdout, /<testsuite name="mixed\.md" tests="7" failures="2" errors="0" skipped="3" /)
  t.match(result.stdout, /<testcase name="migrate" classname="mixed\.md" file="mixed\.md" line="31" /)
  t.match(result.stdout, /<failure message="[^"]*expected &quot;ready&quot;, got &quot;starting&quot;" type="failed">[^<]*-ready\n\+starting/)
})

t.test('--reporter json: each line is an event, from run:start to run:end', async (t) => {
  const result = await runMixed(t, ['--reporter', 'json'])
  const events = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as RunEvent)
  t.equal(events[0]?.type, 'run:start')
  t.equal(events.at(-1)?.type, 'run:end')
  t.equal(events.filter((e) => e.type === 'step:end').length, 7)
  t.ok(events.some((e) => e.type === 'step:retry' && e.stepId === 'flaky'))
})

// One run serves the plain and GitHub tests: no --reporter on a pipe (so plain), in GitHub Actions.
async function runPlainInActions(t: Test) {
  const dir = t.testdir({'summary.md': ''})
  const summary = path.join(dir, 'summary.md')
  const result = await runMixed(t, [], {GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary})
  return {result, summary: await readFile(summary, 'utf8')}
}

t.test('plain, the default on a pipe: failures show their reason, diff and HTTP response', async (t) => {
  const {result, summary} = await runPlainInActions(t)
  t.equal(result.code, 1)
  t.match(result.stdout, /^Running mixed\.md \(7 steps\)$/m)
  t.match(result.stdout, /^✓ flaky \(\d+(ms|\.\ds), 2 attempts\)$/m)
  t.match(result.stdout, /^✗ migrate — expected output did not match/m)
  t.match(result.stdout, /^ {6}-ready\n {6}\+starting$/m)
  t.match(result.stdout, /^✗ health — .*503/m)
  t.match(result.stdout, /\{"status":"starting","db":"down"\}/)
  t.match(result.stdout, /^2 passed, 2 failed, 1 allowed to fail, 1 not run, 1 skipped/m)
  t.notMatch(result.stdout, /\u001b/, 'not a terminal: no escape codes')

  t.test('in GitHub Actions: groups, error annotations at the step line, and the summary table', async (t) => {
    t.match(result.stdout, /^::group::hello \(passed, [^)]+\)\n::stop-commands::([0-9a-f]+)\nhello from [^\n]+\n::\1::\n::endgroup::$/m)
    t.match(result.stdout, /^::error file=mixed\.md,line=31,title=runbook%3A step migrate failed::expected output did not match[^\n]*%0A/m)
    t.match(result.stdout, /^::error file=mixed\.md,line=25,title=runbook%3A step health failed::/m)
    t.match(result.stdout, /^::warning file=mixed\.md,line=16,/m)
    t.match(summary, /### runbook `mixed\.md`: failed/)
    t.match(summary, /^\| `migrate` \| ❌ failed \| 1 \| [^|]+ \| 31 \|/m)
    t.match(summary, /^\| `smoke` \| ⏭️ not-run \| 0 \| {2}\| 40 \|/m)
  })
})

const hasScript = spawnSync('script', ['--version']).status === 0
t.test('on a terminal: the live view, coloured, unless NO_COLOR', {skip: hasScript ? false : 'util-linux `script` is missing'}, async (t) => {
  const dir = t.testdir({})
  const server = await unhealthyServer()
  t.teardown(server.close)
  const file = await copyFixture('mixed.md', dir)
  // FORCE_COLOR unset: a test runner may set it (tap does), and it would outrank the terminal.
  const env = {PORT: String(server.port), NO_COLOR: '', FORCE_COLOR: undefined, GITHUB_ACTIONS: '', COLUMNS: '100'}
  const coloured = await runInPty(['run', file], {cwd: dir, env})
  t.equal(coloured.code, 1)
  t.match(coloured.output, /\u001b\[\?25l/, 'the cursor is hidden during the run')
  t.match(coloured.output, /\u001b\[32m✓\u001b\[39m hello/, 'coloured verdicts')
  t.match(coloured.output, /Failures:/)
  t.ok(coloured.output.trimEnd().endsWith('\u001b[?25h'), 'the cursor is shown again at the end')

  await copyFixture('mixed.md', dir)
  const bare = await runInPty(['run', file], {cwd: dir, env: {...env, NO_COLOR: '1'}})
  t.equal(bare.code, 1)
  t.notMatch(bare.output, /\u001b\[[0-9;]*m/, 'NO_COLOR: no colour codes at all')
  t.match(bare.output, /✓ hello/)
})

t.test('SIGINT mid-run: TAP and JUnit reports are still complete, exit 130', async (t) => {
  for (const reporter of ['tap', 'junit']) {
    const dir = t.testdir({})
    const file = await copyFixture('slow.md', dir)
    const child = spawn(process.execPath, [binPath, 'run', file, '--reporter', reporter], {cwd: dir, env: {...process.env, NO_COLOR: '1', GITHUB_ACTIONS: ''}})
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    // Interrupt once the `wait` step is running: it touches `started`, then sleeps.
    await waitFor(() => existsSync(path.join(dir, 'started')), 60_000, 'the wait step to start')
    child.kill('SIGINT')
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    clearTimeout(killer)
    t.equal(code, 130, `${reporter}: exit 130`)
    if (reporter === 'tap') {
      const tap = await parseTap(stdout)
      t.equal(tap.count, 3, 'every step has a test point')
      t.equal(tap.plan.end, 3)
      t.equal(tap.failures.length, 1, 'the interrupted step is not ok')
      t.match(stdout, /# interrupted by SIGINT\n1\.\.3\n$/)
    } else {
      const validation = await validateXml(stdout)
      t.ok(validation.valid, validation.messages)
      t.match(stdout, /tests="3"/)
      t.match(stdout, /<property name="interrupted" value="SIGINT"\/>/)
    }
  }
})
