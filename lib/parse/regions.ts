// Output and summary regions written by a previous run: found by offsets, since remark may split them.
import type {OwnedRegion} from '../model.js'
import {Diagnostic} from '../diagnostic.js'
import type {Locator} from './positions.js'

const marker = /<!--\s*(\/?)runbook:(output|summary)\b([\s\S]*?)-->/g

// Every `<!-- runbook:output … -->` … `<!-- /runbook:output -->` and summary pair, in document order.
export function findRegions(source: string, locator: Locator, file: string): {regions: OwnedRegion[]; diagnostics: Diagnostic[]} {
  const regions: OwnedRegion[] = []
  const diagnostics: Diagnostic[] = []
  if (!source.includes('runbook:output') && !source.includes('runbook:summary')) return {regions, diagnostics}
  let open: {kind: 'output' | 'summary'; start: number; end: number; stepId?: string} | undefined
  for (const match of source.matchAll(marker)) {
    const closing = match[1] === '/'
    const kind = match[2] as 'output' | 'summary'
    const start = match.index
    const end = start + match[0].length
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

// True when `offset` falls inside one of the regions (sorted by start).
export function insideRegion(regions: readonly OwnedRegion[], offset: number): boolean {
  for (const region of regions) {
    if (offset < region.span.start.offset) return false
    if (offset < region.span.end.offset) return true
  }
  return false
}
