import t from 'tap'
import {failureReason, outputRegion, type RegionOptions} from '../../lib/writeback/output-region.js'
import type {HostResult, StepResult} from '../../lib/result.js'
import {captured, makeResult} from '../helpers/make-result.js'
import {none, parse} from '../helpers/writeback.js'

// The output region of one step, line by line: what each kind of result writes into the document.

const runbook = parse('# Doc\n\n```bash {#build}\nmake\n```\n\n```bash {#quiet output=hide}\nmake\n```\n\n```bash {#folded output=collapse}\nmake\n```\n')
const [build, quiet, folded] = runbook.steps as [NonNullable<(typeof runbook.steps)[0]>, NonNullable<(typeof runbook.steps)[0]>, NonNullable<(typeof runbook.steps)[0]>]
const stable: RegionOptions = {stable: true, maxLines: 50, redactor: none}
const timed: RegionOptions = {...stable, stable: false}

function result(over: Partial<StepResult> = {}): StepResult {
  return {...makeResult(runbook).steps[0]!, ...over}
}

function host(name: string, over: Partial<StepResult>): HostResult {
  return {...result({stdout: captured(''), stderr: captured('')}), host: name, ...over}
}

t.test('a manual step says what to do by hand', async (t) => {
  t.same(outputRegion(build, result({status: 'manual', reason: 'press the button'}), stable), [
    '<!-- runbook:output id=build status=manual -->',
    '**manual:** press the button',
    '<!-- /runbook:output -->',
  ])
  t.equal(outputRegion(build, result({status: 'manual'}), stable)[1], '**manual:** do it by hand')
})

t.test('a step skipped by its condition shows the condition as code, and its exit code', async (t) => {
  const skipped = result({status: 'skipped', condition: {text: 'test -f `x`', met: false}, reason: 'condition was false (exit 1)'})
  t.equal(outputRegion(build, skipped, stable)[1], '**skipped (condition):** `` test -f `x` `` was false (exit 1)')
  const folded = result({status: 'skipped', condition: {text: 'a\n  b', met: false}})
  t.equal(outputRegion(build, folded, stable)[1], '**skipped (condition):** `a b` was false')
})

t.test('a step on several hosts: a table of hosts, then each host output folded', async (t) => {
  const lines = outputRegion(build, result({status: 'failed', reason: 'one host failed', hosts: [
    host('web|1', {status: 'passed', attempts: 1, durationMs: 1500, stdout: captured('up\n')}),
    host('db', {status: 'failed', attempts: 1, durationMs: 2500, reason: 'exit code 3', stderr: captured('boom\n')}),
    host('cache', {status: 'not-run', attempts: 0, durationMs: 0}),
  ]}), timed)
  t.same(lines, [
    '<!-- runbook:output id=build status=failed duration=1.2s -->',
    '**failed:** one host failed',
    '',
    '| host | status | duration |',
    '| --- | --- | --- |',
    '| web\\|1 | passed | 1.5s |',
    '| db | failed | 2.5s |',
    '| cache | not-run | — |',
    '',
    '<details><summary>web\\|1</summary>',
    '',
    '```text',
    'up',
    '```',
    '',
    '</details>',
    '',
    '<details><summary>db</summary>',
    '',
    'exit code 3',
    '',
    '```text stderr',
    'boom',
    '```',
    '',
    '</details>',
    '<!-- /runbook:output -->',
  ])
  t.same(outputRegion(quiet, result({id: 'quiet', hosts: [host('a', {status: 'passed', attempts: 1, stdout: captured('hidden\n')})]}), stable), [
    '<!-- runbook:output id=quiet status=passed -->',
    '| host | status |',
    '| --- | --- |',
    '| a | passed |',
    '<!-- /runbook:output -->',
  ], 'output=hide: the table only, and no durations when stable')
})

t.test('output=collapse folds the output blocks into one details element', async (t) => {
  t.same(outputRegion(folded, result({id: 'folded', stdout: captured('out\n'), stderr: captured('err\n')}), stable), [
    '<!-- runbook:output id=folded status=passed -->',
    '<details><summary>Output</summary>',
    '',
    '```text',
    'out',
    '```',
    '```text stderr',
    'err',
    '```',
    '',
    '</details>',
    '<!-- /runbook:output -->',
  ])
})

t.test('HTTP checks: one line each, with status, latency unless stable, error and failures', async (t) => {
  const checks = [
    {stepId: 'build', method: 'GET', url: 'http://127.0.0.1/a', ok: true, status: 200, latencyMs: 12.6, failures: []},
    {stepId: 'build', method: 'POST', url: 'http://127.0.0.1/b', ok: false, error: 'connection refused', failures: ['status 500 is not 200', 'body']},
  ]
  const lines = outputRegion(build, result({status: 'failed', checks, stdout: captured('')}), timed)
  t.same(lines.slice(1), [
    '**failed:** failed',
    '',
    '```text',
    '✔ GET http://127.0.0.1/a → 200 · 13 ms',
    '✘ POST http://127.0.0.1/b · connection refused',
    '  status 500 is not 200',
    '  body',
    '```',
    '<!-- /runbook:output -->',
  ])
  t.equal(outputRegion(build, result({checks, stdout: captured('')}), stable)[2], '✔ GET http://127.0.0.1/a → 200')
})

t.test('artifacts: none matched, named when not kept, linked into the evidence when kept', async (t) => {
  t.same(outputRegion(build, result({artifacts: []}), stable).slice(-3), ['', 'Artifacts: none matched.', '<!-- /runbook:output -->'])
  const file = {path: 'out/a b.txt', source: '/x', size: 12, sha256: 'abcdef0123456789abcdef'}
  t.same(outputRegion(build, result({artifacts: [file]}), timed).slice(-3), [
    'Artifacts (not kept: run with --evidence DIR to keep them):',
    '- out/a b.txt · 12 bytes · sha256 `abcdef0123456789…`',
    '<!-- /runbook:output -->',
  ])
  t.same(outputRegion(build, result({id: 'my step', artifacts: [file, {path: './../x%.log', source: '/y', size: 0}]}), {...stable, evidenceLink: '../evidence run'}).slice(-4), [
    'Artifacts:',
    '- [out/a b.txt](../evidence%20run/steps/my_step/artifacts/out/a%20b.txt) · 12 bytes',
    '- [./../x%.log](../evidence%20run/steps/my_step/artifacts/../x%25.log) · 0 bytes',
    '<!-- /runbook:output -->',
  ], 'each part of the evidence path is encoded on its own; no hash when stable')
})

t.test('why a step failed, when the executor gave no reason', async (t) => {
  t.equal(failureReason(result({status: 'failed', reason: 'given'})), 'given')
  t.equal(failureReason(result({status: 'timed-out'})), 'timed out')
  t.equal(failureReason(result({status: 'interrupted'})), 'interrupted')
  t.equal(failureReason(result({status: 'failed', expectationFailures: [{index: 0, message: 'm', expected: '', actual: ''} as StepResult['expectationFailures'][number]]})), 'expected output did not match')
  t.equal(failureReason(result({status: 'failed', exitCode: 2})), 'exit code 2')
  t.equal(failureReason(result({status: 'failed', exitCode: null, signal: 'SIGKILL'})), 'killed by SIGKILL')
  t.equal(failureReason(result({status: 'failed', exitCode: 0})), 'failed')
  t.same(outputRegion(build, result({allowedFailure: true, exitCode: 1, stdout: captured('')}), stable), [
    '<!-- runbook:output id=build status=passed -->',
    '**passed (allowed):** exit code 1',
    '<!-- /runbook:output -->',
  ])
})
