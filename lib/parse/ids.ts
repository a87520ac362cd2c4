// Step and table ids: explicit ones kept, the rest from the nearest heading (`-2`, `-3` … for repeats).
import type {ChecklistItem, Step} from '../model.js'
import type {Collected} from './build.js'
import {githubSlug, stepIdFromSlug} from './slug.js'

// Hand out ids (explicit ids are reserved first, so a default never takes one).
export function assignIds(nodes: Collected['nodes']): void {
  const used = new Set<string>()
  for (const pending of nodes) if (pending.explicitId !== undefined) used.add(pending.explicitId)
  let stepIndex = 0
  nodes.forEach((pending, order) => {
    const node = pending.node
    if ('runner' in node) node.index = stepIndex++
    else node.index = order
    if (pending.explicitId !== undefined) {
      node.id = pending.explicitId
      if ('runner' in node) node.idSource = 'explicit'
      return
    }
    // GitHub's anchor without its `-1` for a repeated heading: steps count on as `-2`, `-3` (SPEC §1).
    const fromHeading = pending.heading ? stepIdFromSlug(githubSlug(pending.heading.text)) : ''
    const base = fromHeading || ('runner' in node ? 'step' : 'checks')
    let id = base
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`
    used.add(id)
    node.id = id
    if ('runner' in node) node.idSource = fromHeading ? 'heading' : 'generated'
  })
}

// Resolve what each task-list item refers to: steps it contains, `check=` ids, links to step ids.
export function resolveChecklist(entries: Collected['checklist'], ids: ReadonlySet<string>): ChecklistItem[] {
  return entries.map(({item, steps, links, checks}) => {
    const contained = [...new Set(steps.map((step: Step) => step.id))]
    const linked = [...new Set(links.filter((id) => ids.has(id)))]
    if (contained.length > 0) return {...item, refs: contained, refKind: 'contains'}
    if (checks.length > 0) return {...item, refs: [...new Set(checks)], refKind: 'check'}
    if (linked.length > 0) return {...item, refs: linked, refKind: 'link'}
    return item
  })
}
