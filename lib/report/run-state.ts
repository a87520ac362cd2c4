// What a reporter knows about a run so far, folded from the event stream.
import type {PlannedStep, RunEvent} from '../events.js'
import type {RunResult, StepResult} from '../result.js'
import {sanitizeLine} from './sanitize.js'

// A step that has started and not ended yet.
export interface RunningStep {
  id: string
  startedAt: number // event time (ms)
  attempt: number
  lastLine: string // the last non-empty output line, sanitised
  partial: string // output after the last newline
}

// The state of a run as reporters see it.
export interface RunState {
  runbook: string
  runId: string
  startedAt: number
  dryRun: boolean
  planned: PlannedStep[]
  byId: Map<string, PlannedStep>
  running: Map<string, RunningStep>
  results: Map<string, StepResult>
  warnings: string[]
  final?: RunResult
}

const maxLine = 400

// A fresh state before `run:start`.
export function createRunState(): RunState {
  return {runbook: '', runId: '', startedAt: Date.now(), dryRun: false, planned: [], byId: new Map(), running: new Map(), results: new Map(), warnings: []}
}

// Fold one event into the state.
export function applyEvent(state: RunState, event: RunEvent): void {
  switch (event.type) {
    case 'run:start':
      Object.assign(state, {runbook: event.runbook, runId: event.runId, startedAt: event.at, dryRun: event.dryRun, planned: event.steps})
      state.byId = new Map(event.steps.map((step) => [step.id, step]))
      break
    case 'step:start':
      state.running.set(event.stepId, {id: event.stepId, startedAt: state.running.get(event.stepId)?.startedAt ?? event.at, attempt: event.attempt, lastLine: '', partial: ''})
      break
    case 'step:output': {
      const step = state.running.get(event.stepId)
      if (step) trackLastLine(step, event.chunk)
      break
    }
    case 'step:end':
      state.running.delete(event.stepId)
      state.results.set(event.stepId, event.result)
      break
    case 'warning':
      state.warnings.push(event.message)
      break
    case 'run:end':
      state.final = event.result
      state.running.clear()
      for (const result of event.result.steps) state.results.set(result.id, result)
      break
    default:
      break
  }
}

// Every step's result in document order; steps the run never reached are `not-run` (an aborted run).
export function resultsInOrder(state: RunState): StepResult[] {
  if (state.final) return state.final.steps
  const seen = new Set<string>()
  const results: StepResult[] = []
  for (const step of state.planned) {
    seen.add(step.id)
    results.push(state.results.get(step.id) ?? unfinished(step.id, state.running.has(step.id)))
  }
  for (const [id, result] of state.results) if (!seen.has(id)) results.push(result)
  return results
}

// The planned step of an id, for its line and runner.
export function plannedStep(state: RunState, id: string): PlannedStep | undefined {
  return state.byId.get(id) ?? state.byId.get(id.split('@')[0]!) // `id@host`: a step's result on one host
}

function unfinished(id: string, started: boolean): StepResult {
  const empty = {head: '', tail: '', omittedLines: 0, totalBytes: 0}
  return {
    id,
    status: started ? 'interrupted' : 'not-run',
    exitCode: null,
    attempts: started ? 1 : 0,
    durationMs: 0,
    stdout: empty,
    stderr: empty,
    reason: started ? 'the run ended while this step was running' : 'the run ended before this step',
    expectationFailures: [],
    checks: [],
    captures: {},
  }
}

function trackLastLine(step: RunningStep, chunk: string): void {
  const text = step.partial + chunk
  const lines = text.split('\n')
  step.partial = (lines.pop() ?? '').slice(-maxLine * 4)
  const candidates = [...lines, step.partial]
  for (let i = candidates.length - 1; i >= 0; i--) {
    const line = sanitizeLine(candidates[i]!.slice(-maxLine * 4)).trim()
    if (line) {
      step.lastLine = line.slice(0, maxLine)
      return
    }
  }
}
