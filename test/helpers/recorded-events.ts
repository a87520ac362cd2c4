// The event streams of real runs, recorded by test/fixtures/events/record.mjs, for reporter tests;
// and small edits of such a stream for the values no real run gives (a hostile reason, 3 MB of output).
import {readFileSync} from 'node:fs'
import type {RunEvent} from '../../lib/events.js'
import type {StepResult} from '../../lib/result.js'
import {asRunEvent} from './run-event-shape.js'
import {repoPath} from './paths.js'

// The recorded runs (test/fixtures/events/runbooks/ holds what each one ran).
export type Recording = 'deploy' | 'smoke' | 'interrupted' | 'terminated' | 'hostile' | 'fleet' | 'odd-name'

// A fresh copy of a recorded stream, each event checked against the RunEvent type.
export function recorded(name: Recording): RunEvent[] {
  const values = JSON.parse(readFileSync(repoPath('test/fixtures/events', `${name}.json`), 'utf8')) as unknown[]
  return values.map((value, index) => asRunEvent(value, `${name}.json[${index}]`))
}

// The events up to and including the first that matches: the stream of a run cut off there.
export function upTo(events: RunEvent[], match: (event: RunEvent) => boolean): RunEvent[] {
  const index = events.findIndex(match)
  if (index < 0) throw new Error('no event matches: the recording changed?')
  return events.slice(0, index + 1)
}

// Set fields of a step's result everywhere the stream carries it (its step:end and run:end).
export function patchResult(events: RunEvent[], stepId: string, fields: Partial<StepResult>): RunEvent[] {
  const patch = (result: StepResult) => (result.id === stepId ? {...result, ...fields} : result)
  return events.map((event) => {
    if (event.type === 'step:end' && event.stepId === stepId) return {...event, result: patch(event.result)}
    if (event.type === 'run:end') return {...event, result: {...event.result, steps: event.result.steps.map(patch)}}
    return event
  })
}

// Give the run another runbook path (run:start and run:end).
export function withRunbook(events: RunEvent[], runbook: string): RunEvent[] {
  return events.map((event) => {
    if (event.type === 'run:start') return {...event, runbook}
    if (event.type === 'run:end') return {...event, result: {...event.result, runbook}}
    return event
  })
}

// Replace what a step printed on stdout while it ran with one chunk of `text`.
export function withOutput(events: RunEvent[], stepId: string, text: string): RunEvent[] {
  const first = events.findIndex((event) => event.type === 'step:output' && event.stepId === stepId && event.stream === 'stdout')
  if (first < 0) throw new Error(`${stepId} printed nothing on stdout in this recording`)
  return events.flatMap((event, index) => {
    if (event.type !== 'step:output' || event.stepId !== stepId || event.stream !== 'stdout') return [event]
    return index === first ? [{...event, chunk: text}] : []
  })
}
