import t from 'tap'
import {mock} from 'node:test'
import {createReporter} from '../../lib/report/index.js'
import type {RunEvent} from '../../lib/events.js'
import {recorded} from '../helpers/recorded-events.js'
import {collector} from '../helpers/report-sink.js'

const sgr = /\u001b\[[0-9;]*m/
// Terminal columns of a line: CJK and emoji take two.
const columns = (line: string) => Array.from(line).reduce((n, c) => n + (/[\u2e80-\ua4cf\uac00-\ud7a3\u{1f300}-\u{1faff}]/u.test(c) ? 2 : 1), 0)
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '')

// Time is the subject of the live view, so it runs on a fake clock: `tick(ms)` advances the spinner
// interval and Date.now() together, and nothing waits on the wall clock. The clock starts where the
// recordings do (their first event is at 1_700_000_000_000, each next one 10 ms later).
t.beforeEach(() => mock.timers.enable({apis: ['setInterval', 'Date'], now: 1_700_000_000_000}))
t.afterEach(() => mock.timers.reset())
const tick = (ms: number) => mock.timers.tick(ms)

function tty(options: {color?: boolean; columns?: number} = {}) {
  const sink = collector({tty: true, columns: options.columns ?? 80})
  const reporter = createReporter('tty', sink.stream, {color: options.color ?? false, columns: options.columns ?? 80})
  return {reporter, text: sink.text}
}

t.test('a running step shows a spinner, its elapsed time and its last output line', async (t) => {
  const {reporter, text} = tty()
  const events = recorded('deploy')
  const upTo = events.findIndex((e) => e.type === 'step:output' && e.stepId === 'install')
  for (const event of events.slice(0, upTo + 1)) reporter.onEvent(event)
  reporter.onEvent({type: 'step:output', at: Date.now(), stepId: 'install', stream: 'stdout', chunk: 'resolving deps\nfetching lodash'})
  tick(200) // the live view ticks
  const live = text()
  t.match(live, /\u001b\[\?25l/, 'the cursor is hidden while the view is live')
  t.match(live, /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] install \d+ms/, 'spinner, id and elapsed time')
  t.match(live, /│ fetching lodash/, 'the last output line, even before its newline')
  t.match(live, /0\/9 steps done/)
  t.match(live, /\u001b\[\d+A\u001b\[J/, 'the live area is redrawn in place')
  for (const event of events.slice(upTo + 1)) reporter.onEvent(event)
  await reporter.close()
})

t.test('the spinner advances while a step runs', async (t) => {
  const {reporter, text} = tty()
  const events = recorded('interrupted')
  reporter.onEvent(events[0]!) // run:start
  reporter.onEvent(events[1]!) // step:start of build
  const frames = () => new Set(text().match(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/g) ?? []).size
  tick(80 * 3)
  t.ok(frames() >= 3, `three intervals drew three spinner frames (${frames()})`)
  for (const event of events.slice(2)) reporter.onEvent(event)
  await reporter.close()
})

t.test('the run ends cleanly: every step listed, failures detailed, summary, cursor shown, no live lines left', async (t) => {
  const {reporter, text} = tty()
  for (const event of recorded('deploy')) reporter.onEvent(event)
  await reporter.close()
  const out = text()
  t.ok(out.endsWith('\u001b[?25h'), 'the cursor is shown again at the very end')
  t.equal(out.split('\u001b[?25l').length, out.split('\u001b[?25h').length, 'every hide has its show')
  const final = out.slice(out.lastIndexOf('\u001b[J'))
  t.notMatch(final, /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]|steps done/, 'the last frame holds no live lines')
  const screen = stripAnsi(out)
  for (const id of ['install', 'wait-db', 'migrate', 'health', 'seed', 'docs', 'smoke', 'lint', 'report']) t.match(screen, new RegExp(`^[✓✗?-] ${id}\\b`, 'm'), `${id} has a verdict line`)
  t.match(screen, /Failures:\n\n {2}✗ migrate — expected output did not match[^\n]*\n(.*\n)* {8}-ready\n {8}\+starting/)
  t.match(screen, /503 \(12ms\)/)
  t.notMatch(screen, /hunter2/, 'the masked secret stays masked')
  t.match(screen, /3 passed, 2 failed, 1 allowed to fail, 1 timed out, 1 not run, 1 skipped \(9\.0s\)\n/)
})

t.test('colour only when asked: no SGR codes without it, coloured verdicts with it', async (t) => {
  const plain = tty({color: false})
  for (const event of recorded('deploy')) plain.reporter.onEvent(event)
  await plain.reporter.close()
  t.notMatch(plain.text(), sgr)
  const coloured = tty({color: true})
  for (const event of recorded('deploy')) coloured.reporter.onEvent(event)
  await coloured.reporter.close()
  t.match(coloured.text(), /\u001b\[32m✓\u001b\[39m install/)
  t.match(coloured.text(), /\u001b\[31m✗\u001b\[39m migrate/)
})

t.test('a flood of output is redrawn at a bounded rate and lines never wrap', async (t) => {
  const {reporter, text} = tty({columns: 40})
  const events = recorded('interrupted')
  reporter.onEvent(events[0]!) // run:start
  reporter.onEvent(events[1]!) // step:start of build
  const before = text().split('\u001b[J').length
  // 2,000 chunks, one every millisecond: two seconds of output.
  for (let i = 0; i < 2000; i++) {
    const text = i % 2 ? 'x'.repeat(100) : '漢字🙂'.repeat(30)
    reporter.onEvent({type: 'step:output', at: Date.now(), stepId: 'build', stream: 'stdout', chunk: `line ${i} ${text}\n`} as RunEvent)
    tick(1)
  }
  const redraws = text().split('\u001b[J').length - before
  t.ok(redraws > 2, `the output was redrawn while it flowed (${redraws} times)`)
  t.ok(redraws <= 2000 / 80 * 2 + 2, `at most two redraws per 80 ms tick: 2000 chunks caused ${redraws}`)
  tick(200) // the live view ticks with the last line
  for (const event of events.slice(2)) reporter.onEvent(event)
  await reporter.close()
  const live = stripAnsi(text()).split('\n').filter((line) => line.includes('│'))
  t.ok(live.length > 0, 'the last output line was shown')
  for (const line of live) t.ok(columns(line) <= 40, `fits 40 columns: ${line}`)
})

t.test('output cannot move the cursor or retitle the terminal', async (t) => {
  const {reporter, text} = tty()
  const events = recorded('hostile')
  const output = events.findIndex((e) => e.type === 'step:output' && e.stepId === 'cursor')
  t.match(events[output], {chunk: 'a\u001b[10A\u001b]0;title\u0007b\u0008c\n'}, 'the step printed the raw sequences')
  for (const event of events.slice(0, output + 1)) reporter.onEvent(event)
  tick(200) // the live view ticks
  for (const event of events.slice(output + 1)) reporter.onEvent(event)
  await reporter.close()
  t.notMatch(text(), /\u001b\[10A|\u001b\]|\u0007|\u0008/)
  t.match(text(), /│ abc/)
})

t.test('an interrupted run ends the view with the partial report', async (t) => {
  const {reporter, text} = tty()
  for (const event of recorded('interrupted')) reporter.onEvent(event)
  await reporter.close()
  const screen = stripAnsi(text())
  t.match(screen, /^- verify \(not run: the run was interrupted \(SIGINT\)\)$/m)
  t.match(screen, /^✓ cleanup \(1\.2s\)$/m, 'the always step that ran after the interrupt')
  t.match(screen, /interrupted by SIGINT: the report covers the steps that ran/)
  t.ok(text().endsWith('\u001b[?25h'))
})
