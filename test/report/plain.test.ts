import t from 'tap'
import type {Writable} from 'node:stream'
import {createReporter} from '../../lib/report/index.js'
import {failedCheck, mixedRun, render, runEvents} from '../helpers/report-events.js'

const plain = (color: boolean) => (out: Writable) => createReporter('plain', out, {color})

t.test('a failing run shows each verdict, the reason and the diff, and a summary line', async (t) => {
  const text = await render(plain(false), runEvents(mixedRun))
  t.match(text, /^Running deploy\.md \(9 steps\)\n/)
  t.match(text, /^✓ install \(850ms\)$/m)
  t.match(text, /^✓ wait-db \(1\.2s, 3 attempts\)$/m)
  t.match(text, /^✗ migrate — output did not match the expectation \(1\.2s\)$/m)
  t.match(text, /^ {6}-ready\n {6}\+starting$/m, 'the expectation diff, indented under the step')
  t.match(text, /^✗ health — status 503 \(expected 200\)/m)
  t.match(text, /GET http:\/\/127\.0\.0\.1:8080\/health → 503 \(12ms\)\n\s+status: expected 200, got 503/)
  t.match(text, /content-type: application\/json/, 'the response headers')
  t.match(text, /\{"status":"starting","db":"down"\}/, 'the start of the body')
  t.match(text, /^✗ seed — timed out after 5s/m)
  t.match(text, /^- smoke \(not run: needs migrate, which failed\)$/m)
  t.match(text, /^✗ lint — exit code 2 \(expected 0\), allowed to fail/m)
  t.match(text, /^3 passed, 2 failed, 1 allowed to fail, 1 timed out, 1 not run, 1 skipped \(9\.0s\)\n$/m)
})

t.test('retries are logged with the reason of the failed attempt', async (t) => {
  const text = await render(plain(false), runEvents(mixedRun))
  t.match(text, /^↻ wait-db — attempt 1 failed: exit code 1 \(expected 0\); retrying in 1\.0s$/m)
})

t.test('without colour there are no escape sequences; with colour the verdicts are coloured', async (t) => {
  const bare = await render(plain(false), runEvents(mixedRun))
  t.notMatch(bare, /\u001b/)
  const coloured = await render(plain(true), runEvents(mixedRun))
  t.match(coloured, /\u001b\[32m✓\u001b\[39m install/)
  t.match(coloured, /\u001b\[31m✗\u001b\[39m migrate/)
})

t.test('step output cannot drive the terminal: ANSI, OSC and control characters are stripped', async (t) => {
  const stderr = 'boom \u001b[2J\u001b]0;pwned title\u0007\u001b]8;;http://evil\u0007click\u001b]8;;\u0007\u0007\u0008 done\n'
  const text = await render(plain(false), runEvents([{id: 'evil', status: 'failed', line: 1, stderr, reason: 'exit code 1 \u001b[31m(expected 0)'}]))
  t.notMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f]/)
  t.match(text, /boom click done/)
  t.match(text, /✗ evil — exit code 1 \(expected 0\)/)
})

t.test('an interrupted run still prints every step and says it was interrupted', async (t) => {
  const steps = [
    {id: 'build', status: 'passed' as const, line: 4},
    {id: 'deploy', status: 'interrupted' as const, line: 9, reason: 'interrupted by SIGINT'},
    {id: 'cleanup', status: 'passed' as const, line: 12},
    {id: 'verify', status: 'not-run' as const, line: 15},
  ]
  const text = await render(plain(false), runEvents(steps, {interrupted: 'SIGINT'}))
  t.match(text, /^✗ deploy — interrupted by SIGINT/m)
  t.match(text, /^- verify \(not run\)$/m)
  t.match(text, /^2 passed, 0 failed, 1 interrupted, 1 not run, 0 skipped/m)
  t.match(text, /^interrupted by SIGINT: the report covers the steps that ran\n$/m)
})

t.test('a run cut off before run:end still gets its remaining steps and a summary at close', async (t) => {
  const events = runEvents(mixedRun, {stopAfter: 1}).filter((e) => e.type !== 'run:end')
  const text = await render(plain(false), events)
  t.match(text, /^- report \(not run: the run ended before this step\)$/m)
  t.match(text, /^1 passed, 0 failed, 8 not run, 0 skipped/m)
})

t.test('check-table rows are printed as they are checked, and the failed ones detailed', async (t) => {
  const ok = failedCheck({stepId: 'smoke', row: 0, ok: true, status: 200, url: 'http://127.0.0.1:8080/', failures: [], bodyStart: undefined, headers: undefined})
  const bad = failedCheck({stepId: 'smoke', row: 1, url: 'http://127.0.0.1:8080/api'})
  const text = await render(plain(false), runEvents([{id: 'smoke', kind: 'table', runner: 'http', status: 'failed', line: 12, reason: '1 of 2 checks passed (threshold 2/2)', checks: [ok, bad]}]))
  t.match(text, /^ {2}smoke: ✓ row 1: GET http:\/\/127\.0\.0\.1:8080\/ → 200 \(12ms\)$/m)
  t.match(text, /^ {2}smoke: ✗ row 2: GET http:\/\/127\.0\.0\.1:8080\/api → 503 \(12ms\)$/m)
  t.match(text, /^✗ smoke — 1 of 2 checks passed \(threshold 2\/2\)/m)
  t.match(text, /^ {6}status: expected 200, got 503$/m)
})
