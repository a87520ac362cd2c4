// The executed runbook as a document: edits for outputs, checkboxes, table results, summary, --update.
import type {Runbook, Step} from '../model.js'
import type {RunResult, StepResult} from '../result.js'
import type {Redactor} from '../redact/index.js'
import {checklistEdits} from './checklist.js'
import {applyEdits, type Edit} from './edits.js'
import {outputRegion} from './output-region.js'
import {joinLines, lineEnd, linePrefix, stepAnchor} from './place.js'
import {summaryRegion} from './summary.js'
import {tableEdits} from './table-result.js'
import {updateEdits} from './update.js'

// What to write back: `outputs` (regions, checkboxes, results, summary), `update` (bless failed expectations).
export interface WriteBackOptions {
  stable: boolean
  outputs: boolean
  update: boolean
  redactor: Redactor
  maxLines?: number
  evidenceLink?: string // the evidence folder relative to the written file (`/`-separated), to link artifacts
}

// The new text of the runbook after a run; every byte outside the owned regions stays as it was.
export function renderWriteBack(runbook: Runbook, result: RunResult, options: WriteBackOptions): string {
  return applyEdits(runbook.source, writeBackEdits(runbook, result, options))
}

// The edits renderWriteBack applies (exposed for tests and tools that want to preview them).
export function writeBackEdits(runbook: Runbook, result: RunResult, options: WriteBackOptions): Edit[] {
  const {source, eol} = runbook
  const results = new Map(result.steps.map((step) => [step.id, step]))
  const edits: Edit[] = []
  if (options.update) {
    for (const step of runbook.steps) {
      const outcome = results.get(step.id)
      if (outcome && outcome.expectationFailures.length > 0) edits.push(...updateEdits(source, step, outcome, {eol, redactor: options.redactor}))
    }
  }
  if (!options.outputs) return edits
  const regionOptions = {stable: options.stable, maxLines: options.maxLines ?? 200, redactor: options.redactor, ...(options.evidenceLink !== undefined ? {evidenceLink: options.evidenceLink} : {})}
  for (const step of runbook.steps) {
    const outcome = results.get(step.id)
    if (!outcome || !executed(outcome)) continue
    const edit = regionEdit(runbook, step, outputRegion(step, outcome, regionOptions))
    if (edit) edits.push(...edit)
  }
  for (const table of runbook.tables) {
    const outcome = results.get(table.id)
    if (outcome && executed(outcome)) edits.push(...tableEdits(source, table, outcome, options))
  }
  edits.push(...checklistEdits(source, runbook.checklist, results))
  edits.push(summaryEdit(runbook, summaryRegion(result, options)))
  return edits
}

function executed(outcome: StepResult): boolean {
  return outcome.attempts > 0 || outcome.status === 'passed' || outcome.status === 'failed' || outcome.status === 'timed-out' || outcome.condition !== undefined || outcome.status === 'manual'
}

// Replace the step's region written by an earlier run, or insert one after the step (and its expectations).
function regionEdit(runbook: Runbook, step: Step, lines: string[]): Edit[] | undefined {
  const {source, eol} = runbook
  const existing = runbook.regions.filter((region) => region.kind === 'output' && region.stepId === step.id)
  if (existing.length > 0) {
    const [first, ...extra] = existing
    const start = first!.span.start.offset
    const edits: Edit[] = [{start, end: first!.span.end.offset, text: joinLines(lines, eol, linePrefix(source, start))}]
    for (const region of extra) edits.push({start: region.span.start.offset, end: region.span.end.offset, text: ''})
    return edits
  }
  const anchor = stepAnchor(step)
  if (anchor === undefined) return undefined
  const prefix = linePrefix(source, anchor)
  const at = lineEnd(source, anchor)
  return [{start: at, end: at, text: eol + prefix + joinLines(lines, eol, prefix)}]
}

// Replace the summary region, or insert it after the first heading (else after the front matter, else at the end).
function summaryEdit(runbook: Runbook, lines: string[]): Edit {
  const {source, eol} = runbook
  const existing = runbook.regions.find((region) => region.kind === 'summary')
  if (existing) {
    const start = existing.span.start.offset
    return {start, end: existing.span.end.offset, text: joinLines(lines, eol, linePrefix(source, start))}
  }
  const heading = runbook.headings[0]
  if (heading) {
    const at = lineEnd(source, heading.span.end.offset)
    const prefix = linePrefix(source, heading.span.start.offset)
    return {start: at, end: at, text: eol + prefix.trimEnd() + eol + prefix + joinLines(lines, eol, prefix)}
  }
  if (runbook.frontMatter) {
    const at = lineEnd(source, runbook.frontMatter.span.end.offset - 1)
    return {start: at, end: at, text: eol + eol + joinLines(lines, eol, '')}
  }
  // No heading and no front matter: at the end (a region at offset 0 would hide the whole document
  // from the parser, which skips nodes that start inside a region).
  const ending = source.endsWith('\n') ? '' : eol
  return {start: source.length, end: source.length, text: ending + eol + joinLines(lines, eol, '') + (ending === '' ? eol : '')}
}
