import t from 'tap'
import {Parser, type FinalResults} from 'tap-parser'
import {createReporter} from '../../lib/report/index.js'
import {patchResult, recorded, upTo} from '../helpers/recorded-events.js'
import {render} from '../helpers/report-sink.js'

const tap = (out: import('node:stream').Writable) => createReporter('tap', out, {color: false})

function parse(text: string): Promise<FinalResults> {
  return new Promise((resolve) => {
    const parser = new Parser(resolve)
    parser.end(text)
  })
}

t.test('TAP output parses with tap-parser and counts each verdict', async (t) => {
  const text = await render(tap, recorded('deploy'))
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
  const results = await parse(await render(tap, recorded('deploy')))
  const migrate = results.failures.find((f) => f.name === 'migrate')!
  const diag = migrate.diag as {status: string; message: string; at: {file: string; line: number}; expectations: Array<{diff: string}>}
  t.equal(diag.status, 'failed')
  t.equal(diag.message, 'expected output did not match: line 2: expected "ready", got "starting"')
  t.same(diag.at, {file: 'deploy.md', line: 23})
  t.match(diag.expectations[0]!.diff, /-ready\n\+starting/)
  const health = results.failures.find((f) => f.name === 'health')!
  t.match(health.diag, {checks: [{status: 503, failures: ['status 503 (expected 200)']}]})
})

t.test('a passing run is ok', async (t) => {
  const results = await parse(await render(tap, recorded('fleet')))
  t.equal(results.ok, true)
  t.equal(results.pass, 5)
  t.equal(results.skip, 1, 'the manual step')
})

t.test('an interrupted run still ends with a complete plan', async (t) => {
  const text = await render(tap, recorded('interrupted'))
  const results = await parse(text)
  t.equal(results.count, 4)
  t.equal(results.plan.end, 4)
  t.equal(results.fail, 1)
  t.same(results.failures.map((f) => f.name), ['deploy'])
  t.match(text, /# interrupted by SIGINT\n1\.\.4\n$/)
})

t.test('a run cut off before run:end reports the steps it never reached', async (t) => {
  const events = upTo(recorded('deploy'), (e) => e.type === 'step:end' && e.stepId === 'wait-db')
  const results = await parse(await render(tap, events))
  t.equal(results.count, 9, 'every planned step is a test point')
  t.equal(results.pass, 9, 'the unreached steps are skipped')
  t.equal(results.skip, 7)
})

t.test('step ids and reasons cannot inject TAP directives or lines', async (t) => {
  // No run gives such a reason today; the manual step of a real run is given one.
  const text = await render(tap, patchResult(recorded('fleet'), 'sign-off', {reason: 'because # TODO\nnot ok 99 - fake'}))
  const results = await parse(text)
  t.equal(results.count, 5)
  t.equal(results.todo, 0)
  t.equal(results.skip, 1)
  t.equal(results.fail, 0)
})
