import t from 'tap'
import type {Writable} from 'node:stream'
import {createReporter} from '../../lib/report/index.js'
import {patchResult, recorded, upTo} from '../helpers/recorded-events.js'
import {render} from '../helpers/report-sink.js'

const plain = (color: boolean) => (out: Writable) => createReporter('plain', out, {color})

t.test('a failing run shows each verdict, the reason and the diff, and a summary line', async (t) => {
  const text = await render(plain(false), recorded('deploy'))
  t.match(text, /^Running deploy\.md \(9 steps\)\n/)
  t.match(text, /^✓ install \(1\.2s\)$/m)
  t.match(text, /^✓ wait-db \(1\.2s, 3 attempts\)$/m)
  t.match(text, /^✗ migrate — expected output did not match: line 2: expected "ready", got "starting" \(1\.2s\)$/m)
  t.match(text, /^ {6}-ready\n {6}\+starting$/m, 'the expectation diff, indented under the step')
  t.match(text, /^✗ health — GET http:\/\/127\.0\.0\.1:8080\/health: status 503 \(expected 200\)/m)
  t.match(text, /GET http:\/\/127\.0\.0\.1:8080\/health → 503 \(12ms\)\n\s+status 503 \(expected 200\)/)
  t.match(text, /content-type: application\/json/, 'the response headers')
  t.match(text, /retry-after: 5/)
  t.match(text, /\{"status":"starting","db":"down"\}/, 'the start of the body')
  t.match(text, /^✗ seed — timed out after 1\.0s/m)
  t.match(text, /^- smoke \(not run: needs `migrate`, which ended failed\)$/m)
  t.match(text, /^- docs \(skipped: marked skip\)$/m)
  t.match(text, /^✗ lint — exit code 2 \(expected 0\), allowed to fail/m)
  t.match(text, /^ {6}warning: 3 issues$/m, 'the stderr of a failed step')
  t.match(text, /^3 passed, 2 failed, 1 allowed to fail, 1 timed out, 1 not run, 1 skipped \(9\.0s\)\n$/m)
})

t.test('retries are logged with the reason of the failed attempt', async (t) => {
  const text = await render(plain(false), recorded('deploy'))
  t.match(text, /^↻ wait-db — attempt 1 failed: exit code 1 \(expected 0\); retrying in 20ms$/m)
  t.match(text, /^↻ wait-db — attempt 2 failed: exit code 1 \(expected 0\); retrying in 20ms$/m)
})

t.test('a masked secret stays masked', async (t) => {
  const text = await render(plain(false), recorded('deploy'))
  t.notMatch(text, /hunter2/)
  t.match(recorded('deploy').find((e) => e.type === 'step:end' && e.stepId === 'report'), {result: {stdout: {text: 'token is ***\ndone\n'}}}, 'the recording holds the masked line')
})

t.test('without colour there are no escape sequences; with colour the verdicts are coloured', async (t) => {
  const bare = await render(plain(false), recorded('deploy'))
  t.notMatch(bare, /\u001b/)
  const coloured = await render(plain(true), recorded('deploy'))
  t.match(coloured, /\u001b\[32m✓\u001b\[39m install/)
  t.match(coloured, /\u001b\[31m✗\u001b\[39m migrate/)
})

t.test('step output cannot drive the terminal: ANSI, OSC and control characters are stripped', async (t) => {
  // The recorded stderr is real; a reason with an escape in it is not something a run gives today.
  const events = patchResult(recorded('hostile'), 'terminal', {reason: 'exit code 1 \u001b[31m(expected 0)'})
  const text = await render(plain(false), events)
  t.match(JSON.stringify(events), /boom \\u001b\[2J\\u001b\]0;pwned title/, 'the recording holds the raw sequences')
  t.notMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f]/)
  t.match(text, /boom click done/)
  t.match(text, /✗ terminal — exit code 1 \(expected 0\)/)
})

t.test('an interrupted run still prints every step and says it was interrupted', async (t) => {
  const text = await render(plain(false), recorded('interrupted'))
  t.match(text, /^✗ deploy — interrupted by SIGINT/m)
  t.match(text, /^✓ cleanup \(1\.2s\)$/m, 'the always step ran after the interrupt')
  t.match(text, /^- verify \(not run: the run was interrupted \(SIGINT\)\)$/m)
  t.match(text, /^2 passed, 0 failed, 1 interrupted, 1 not run, 0 skipped/m)
  t.match(text, /^interrupted by SIGINT: the report covers the steps that ran\n$/m)
})

t.test('a run cut off before run:end still gets its remaining steps and a summary at close', async (t) => {
  const events = upTo(recorded('deploy'), (e) => e.type === 'step:end' && e.stepId === 'install')
  const text = await render(plain(false), events)
  t.match(text, /^- report \(not run: the run ended before this step\)$/m)
  t.match(text, /^1 passed, 0 failed, 8 not run, 0 skipped/m)
})

t.test('check-table rows are printed as they are checked, and the failed ones detailed', async (t) => {
  const text = await render(plain(false), recorded('smoke'))
  t.match(text, /^ {2}smoke: ✓ row 1: GET http:\/\/127\.0\.0\.1:8080\/healthz → 200 \(12ms\)$/m)
  t.match(text, /^ {2}smoke: ✗ row 2: GET http:\/\/127\.0\.0\.1:8080\/api → 503 \(12ms\)$/m)
  t.match(text, /^✗ smoke — 1 of 2 checks passed \(all must pass\)/m)
  t.match(text, /^ {6}status 503 \(expected 200\)$/m)
})

t.test('services, hosts, manual steps and warnings each have their line', async (t) => {
  const text = await render(plain(false), recorded('fleet'))
  t.match(text, /^● api ready$/m)
  t.match(text, /^✓ uptime@box \(1\.2s\)$/m, 'the host result of a step on a target')
  t.match(text, /^\? sign-off \(manual: /m)
  t.match(text, /^! logs: artifacts="missing\.log" of step `logs` matched no file/m)
  t.match(text, /^○ api stopped$/m)
  t.match(text, /^4 passed, 0 failed, 1 manual, 0 skipped/m)
})
