import t from 'tap'
import type {Writable} from 'node:stream'
import {createReporter} from '../../lib/report/index.js'
import type {RunEvent} from '../../lib/events.js'
import {recorded} from '../helpers/recorded-events.js'
import {render} from '../helpers/report-sink.js'

const json = (out: Writable) => createReporter('json', out, {color: false})

t.test('every line is one JSON event, in the order they happened', async (t) => {
  const events = recorded('deploy')
  const text = await render(json, events)
  const lines = text.trimEnd().split('\n')
  t.equal(lines.length, events.length, 'one line per event')
  const parsed = lines.map((line) => JSON.parse(line) as RunEvent)
  t.same(parsed, events, 'each event comes back whole')
  const end = parsed.at(-1)
  t.equal(end?.type, 'run:end')
  const migrate = end?.type === 'run:end' ? end.result.steps.find((s) => s.id === 'migrate') : undefined
  t.match(migrate?.expectationFailures[0]?.diff, /^--- expected\n\+\+\+ actual\n@@ -1,2 \+1,2 @@\n migrating\n-ready\n\+starting\n/)
})

t.test('control characters in output are escaped, so each line still parses', async (t) => {
  const output = 'line one\nline\rtwo\u001b[2J\u0000\u2028 end'
  // The recorded step printed `output` for real; a lone surrogate cannot come out of bash, so one
  // more chunk carries it.
  const events = recorded('hostile')
  const end = events.findIndex((e) => e.type === 'step:end' && e.stepId === 'noisy')
  events.splice(end, 0, {type: 'step:output', at: events[end]!.at, stepId: 'noisy', stream: 'stdout', chunk: '\ud800 lone'})
  const text = await render(json, events)
  const lines = text.trimEnd().split('\n')
  t.notMatch(text, /\u001b|\r|\u0000/, 'nothing raw reaches the stream')
  const chunks = lines.map((line) => JSON.parse(line) as RunEvent).filter((e) => e.type === 'step:output' && e.stepId === 'noisy')
  t.same(chunks.map((e) => (e.type === 'step:output' ? e.chunk : '')), [output, '\ud800 lone'], 'the data itself is kept whole')
})
