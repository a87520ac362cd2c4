// Output and summary regions written by a previous run: found by offsets, since remark may split them.
import type {OwnedRegion} from '../model.js'
import {Diagnostic} from '../diagnostic.js'
import type {Locator} from './positions.js'

const marker = /<!--\s*(\/?)runbook:(output|summary)\b([\s\S]*?)-->/g

// Every `<!-- runbook:output … -->` … `<!-- /runbook:output -->` and summary pair, in document order.
// Markers inside code (`code` spans, sorted by start) are documentation showing the syntax, not regions.
export function findRegions(
  source: string,
  locator: Locator,
  file: string,
  code: ReadonlyArray<{start: number; end: number}> = [],
): {regions: OwnedRegion[]; diagnostics: Diagnostic[]} {
  const regions: OwnedRegion[] = []
  const diagnostics: Diagnostic[] = []
  if (!source.includes('runbook:output') && !source.includes('runbook:summary')) return {regions, diagnostics}
  let open: {kind: 'output' | 'summary'; start: number; end: number; stepId?: string} | undefined
  for (const match of source.matchAll(marker)) {
    const closing = match[1] === '/'
    const kind = match[2] as 'output' | 'summary'
    const start = match.index
    const end = start + match[0].length
    if (code.some((span) => start >= span.start && start < span.end)) continue
    if (!closing) {
      if (open) diagnostics.push(unclosed(open, locator, file))
      open = {kind, start, end}
      const id = /\bid=("([^"]*)"|\S+)/.exec(match[3] ?? '')
      if (id) open.stepId = id[2] ?? id[1]
      continue
    }
    if (!open || open.kind !== kind) {
      diagnostics.push(new Diagnostic(`Closing \`/runbook:${kind}\` without an opening comment`, {file, place: locator.span(start, end), ruleId: 'invalid-region', severity: 'warning'}))
      continue
    }
    const region: OwnedRegion = {kind, span: locator.span(open.start, end)}
    if (open.stepId !== undefined) region.stepId = open.stepId
    regions.push(region)
    open = undefined
  }
  if (open) diagnostics.push(unclosed(open, locator, file))
  return {regions, diagnostics}
}

function unclosed(open: {kind: string; start: number; end: number}, locator: Locator, file: string): Diagnostic {
  return new Diagnostic(`\`runbook:${open.kind}\` region is not closed: expected \`<!-- /runbook:${open.kind} -->\``, {
    file,
    place: locator.span(open.start, open.end),
    ruleId: 'invalid-region',
    severity: 'warning',
  })
}

// True when the node at [start, end) lies wholly inside one of the regions (sorted by start).
// A node that merely starts where a region starts (the root, a list around it) is not inside it.
export function insideRegion(regions: readonly OwnedRegion[], start: number, end: number): boolean {
  for (const region of regions) {
    if (start < region.span.start.offset) return false
    if (start < region.span.end.offset) return end <= region.span.end.offset
  }
  return false
}
