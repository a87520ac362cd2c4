// The timeline: one row per lane, each step a bar placed by its start and length, no script needed.
import {formatDuration} from '../../duration.js'
import {resultsInOrder} from '../run-state.js'
import {escapeHtml} from './escape.js'
import {assignLanes, type HtmlFile} from './model.js'

// The timeline section of one file, or '' when no step ran.
export function renderTimeline(part: HtmlFile): string {
  const results = resultsInOrder(part.state).filter((r) => part.timing.has(r.id))
  if (results.length === 0) return ''
  const lanes = assignLanes(results, part.timing)
  const start = Math.min(...results.map((r) => part.timing.get(r.id)!.start))
  const end = Math.max(...results.map((r) => part.timing.get(r.id)!.end ?? part.timing.get(r.id)!.start), start + 1)
  const span = end - start
  const byLane = new Map<string, string[]>()
  for (const result of results) {
    const timing = part.timing.get(result.id)!
    const left = ((timing.start - start) / span) * 100
    const width = Math.max(0.8, (((timing.end ?? timing.start) - timing.start) / span) * 100)
    const label = `${result.id} · ${result.status} · ${formatDuration(result.durationMs)}`
    const bar = `<a class="bar s-${result.status}" href="#${escapeHtml(anchor(part.file, result.id))}" style="left:${left.toFixed(2)}%;width:${Math.min(width, 100 - left).toFixed(2)}%" title="${escapeHtml(label)}">${escapeHtml(result.id)}</a>`
    const lane = lanes.get(result.id) ?? 'lane 1'
    byLane.set(lane, [...(byLane.get(lane) ?? []), bar])
  }
  const rows = [...byLane].map(([lane, bars]) => `<div class="lane"><span class="lane-key">${escapeHtml(lane)}</span><div class="track">${bars.join('')}</div></div>`)
  return `<section class="timeline" aria-label="timeline"><h3>Timeline <small>${escapeHtml(formatDuration(span))}</small></h3>${rows.join('')}</section>`
}

// The id of a step's section, unique across files.
export function anchor(file: string, stepId: string): string {
  return `step-${file.replace(/[^A-Za-z0-9_-]/g, '_')}-${stepId.replace(/[^A-Za-z0-9_-]/g, '_')}`
}
