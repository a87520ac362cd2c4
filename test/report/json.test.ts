import t from 'tap'
import type {Writable} from 'node:stream'
import {createReporter} from '../../lib/report/index.js'
import type {RunEvent} from '../../lib/events.js'
import {mixedRun, render, runEvents} from '../helpers/report-events.js'

const json = (out: Writable) => createReporter('json', out, {color: false})

t.test('every line is one JSON event, in the order they happened', async (t) => {
  const events = runEvents(mixedRun)
  const text = await render(json, events)
  const lines = text.trimEnd().split('\n')
  t.equal(lines.length, events.length, 'one line per event')
  const parsed = lines.map((line) => JSON.parse(line) as RunEvent)
  t.same(parsed.map((e) => e.type), events.map((e) => e.type))
  const end = parsed.at(-1)
  t.equal(end?.type, 'run:end')
  if (end?.type === 'run:end') t.equal(end.result.steps.find((s) => s.id === 'migrate')?.expectationFailures[0]?.diff, mixedRun[2]!.diff)
})

t.test('control characters in output are escaped, so each line still parses', async (t) => {
  const output = 'line one\nline\rtwo\u001b[2J\u0000\u2028\ud800 end'
  const text = await render(json, runEvents([{id: 'noisy', status: 'passed', line: 1, output}]))
  const lines = text.trimEnd().split('\n')
  t.notMatch(text, /\u001b|\r|\u0000/, 'nothing raw reaches the stream')
  const chunks = lines.map((line) => JSON.parse(line) as RunEvent).filter((e) => e.type === 'step:output')
  t.same(chunks.map((e) => (e.type === 'step:output' ? e.chunk : '')), [output], 'the data itself is kept whole')
})
