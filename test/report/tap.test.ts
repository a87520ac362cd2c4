import t from 'tap'
import {Parser, type FinalResults} from 'tap-parser'
import {createReporter} from '../../lib/report/index.js'
import {mixedRun, render, runEvents, type StepSpec} from '../helpers/report-events.js'

const tap = (out: import('node:stream').Writable) => createReporter('tap', out, {color: false})

function parse(text: string): Promise<FinalResults> {
  return new Promise((resolve) => {
    const parser = new Parser(resolve)
    parser.end(text)
  })
}

t.test('TAP output parses with tap-parser and counts each verdict', async (t) => {
  const text = await render(tap, runEvents(mixedRun))
  t.match(text, /^TAP version 14\n/)
  const results = await parse(text)
  t.equal(results.count, 9, 'one test point per step')
  t.equal(results.plan.end, 9, 'the plan covers every step')
  t.equal(results.pass, 5, 'passed and skipped points are ok')
  t.equal(results.fail, 4, 'the failed, HTTP-failed, timed-out and allowed-to-fail steps are not ok')
  t.equal(results.skip, 2, 'skipped and not-run steps are # SKIP')
  t.equal(results.todo, 1, 'the allowed failure is # TODO, so it does not fail the stream')
  t.equal(results.ok, false)
  t.same(results.failures.map((f) => f.name), ['migrate', 'health', 'seed'], 'the TODO point is not a failure')
})

t.test('a failing step carries a YAML diagnostic with its line, reason and diff', async (t) => {
  const results = await parse(await render(tap, runEvents(mixedRun)))
  const migrate = results.failures.find((f) => f.name === 'migrate')!
  const diag = migrate.diag as {status: string; message: string; at: {file: string; line: number}; expectations: Array<{diff: string}>}
  t.equal(diag.status, 'failed')
  t.equal(diag.message, 'output did not match the expectation')
  t.same(diag.at, {file: 'deploy.md', line: 20})
  t.match(diag.expectations[0]!.diff, /-ready\n\+starting/)
  const health = results.failures.find((f) => f.name === 'health')!
  t.match(health.diag, {checks: [{status: 503, failures: ['status: expected 200, got 503']}]})
})

t.test('a passing run is ok', async (t) => {
  const results = await parse(await render(tap, runEvents([{id: 'a', status: 'passed', line: 3}, {id: 'b', status: 'passed', line: 9}])))
  t.equal(results.ok, true)
  t.equal(results.pass, 2)
})

t.test('an interrupted run still ends with a complete plan', async (t) => {
  const steps: StepSpec[] = mixedRun.slice(0, 3).map((s) => ({...s, status: 'passed', diff: undefined, reason: undefined}))
  steps.push({id: 'deploy', status: 'interrupted', line: 70, reason: 'interrupted by SIGINT'}, {id: 'teardown', status: 'not-run', line: 80})
  const text = await render(tap, runEvents(steps, {interrupted: 'SIGINT'}))
  const results = await parse(text)
  t.equal(results.count, 5)
  t.equal(results.plan.end, 5)
  t.equal(results.fail, 1)
  t.match(text, /# interrupted by SIGINT\n1\.\.5\n$/)
})

t.test('a run cut off before run:end reports the steps it never reached', async (t) => {
  const events = runEvents(mixedRun, {stopAfter: 2}).filter((e) => e.type !== 'run:end')
  const results = await parse(await render(tap, events))
  t.equal(results.count, 9, 'every planned step is a test point')
  t.equal(results.pass, 9, 'the unreached steps are skipped')
  t.equal(results.skip, 7)
})

t.test('step ids and reasons cannot inject TAP directives or lines', async (t) => {
  const text = await render(tap, runEvents([{id: 'x', status: 'skipped', line: 1, reason: 'because # TODO\nnot ok 99 - fake'}]))
  const results = await parse(text)
  t.equal(results.count, 1)
  t.equal(results.todo, 0)
  t.equal(results.skip, 1)
})
