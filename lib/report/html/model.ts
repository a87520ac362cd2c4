// What the HTML report knows of one file's run: its events folded into state, step timings, lanes.
import type {RunEvent} from '../../events.js'
import type {StepResult} from '../../result.js'
import {applyEvent, createRunState, type RunState} from '../run-state.js'

// One file's part of the report.
export interface HtmlFile {
  file: string
  state: RunState
  timing: Map<string, {start: number; end?: number}>
  redact: (text: string) => string
  evidence?: string | undefined // href of the file's evidence folder, relative to the report
  error?: string | undefined // why the file could not run
  skipped?: string | undefined // why the file was not run
}

// A fresh part for `file`.
export function createHtmlFile(file: string): HtmlFile {
  return {file, state: createRunState(), timing: new Map(), redact: (text) => text}
}

// Fold one event into the part: the run state plus when each step first started and last ended.
export function applyHtmlEvent(part: HtmlFile, event: RunEvent): void {
  applyEvent(part.state, event)
  if (event.type === 'step:start' && !part.timing.has(event.stepId)) part.timing.set(event.stepId, {start: event.at})
  if (event.type === 'step:end') {
    const timing = part.timing.get(event.stepId)
    if (timing) timing.end = event.at
  }
}

// The lane a step's bar goes in. A result that names its own lane key (a host, once steps run on
// targets) keeps it; otherwise steps that overlap in time get separate lanes, so parallel branches sit side by side.
export function assignLanes(results: StepResult[], timing: HtmlFile['timing']): Map<string, string> {
  const lanes = new Map<string, string>()
  const ends: number[] = []
  const timed = results.filter((r) => timing.has(r.id)).sort((a, b) => timing.get(a.id)!.start - timing.get(b.id)!.start)
  for (const result of timed) {
    const own = (result as StepResult & {lane?: string; host?: string}).lane ?? (result as StepResult & {host?: string}).host
    if (own) {
      lanes.set(result.id, own)
      continue
    }
    const span = timing.get(result.id)!
    let lane = ends.findIndex((end) => end <= span.start)
    if (lane === -1) lane = ends.push(0) - 1
    ends[lane] = span.end ?? span.start
    lanes.set(result.id, `lane ${lane + 1}`)
  }
  return lanes
}
