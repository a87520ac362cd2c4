// Which steps this run executes: `--only`, `--from`, `--target`, `--tag`, `--resume` and `skip`
// (a `skip` step runs only when `--only` or `--target` names it).
// Steps left out are reported `skipped` with the reason; their dependants treat them as done.
import {UsageError} from '../errors.js'
import type {PlanNode} from '../graph.js'
import type {StepStatus} from '../result.js'
import {suggest} from '../parse/suggest.js'
import {resumedReason} from '../evidence/last-run.js'

// The selection options of a run.
export interface Selection {
  only?: string[]
  from?: string
  target?: string
  tags: string[]
  resumeFrom?: {steps: Array<{id: string; status: StepStatus}>}
}

// For each node: undefined when it runs, else why it does not.
export function selectNodes(nodes: PlanNode[], selection: Selection): Map<string, string | undefined> {
  const ids = nodes.map((node) => node.id)
  const byId = new Map(nodes.map((node) => [node.id, node]))
  const check = (id: string, flag: string) => {
    if (byId.has(id)) return
    const hint = suggest(id, ids)
    throw new UsageError(`${flag}: no step \`${id}\` in this runbook${hint ? ` (did you mean \`${hint}\`?)` : ''}; steps: ${ids.join(', ')}`)
  }
  const out = new Map<string, string | undefined>()
  let wanted: Set<string> | undefined
  const narrow = (set: Set<string>) => {
    wanted = wanted ? new Set([...wanted].filter((id) => set.has(id))) : set
  }
  if (selection.only) {
    for (const id of selection.only) check(id, '--only')
    narrow(new Set(selection.only))
  }
  if (selection.target) {
    check(selection.target, '--target')
    const closure = new Set<string>()
    const visit = (id: string) => {
      if (closure.has(id)) return
      closure.add(id)
      for (const need of byId.get(id)?.needs ?? []) visit(need)
    }
    visit(selection.target)
    narrow(closure)
  }
  if (selection.from) {
    check(selection.from, '--from')
    const at = ids.indexOf(selection.from)
    narrow(new Set(ids.slice(at)))
  }
  if (selection.tags.length > 0) {
    // A tag no step carries is a typo, not an empty selection: say so before anything runs.
    const known = [...new Set(nodes.flatMap((node) => (node.step ?? node.table)!.options.tags))].sort()
    for (const tag of selection.tags) {
      if (known.includes(tag)) continue
      const hint = suggest(tag, known)
      throw new UsageError(
        `--tag: no step is tagged \`${tag}\`${hint ? ` (did you mean \`${hint}\`?)` : ''}; ${known.length > 0 ? `tags: ${known.join(', ')}` : 'this runbook has no tags'}`,
      )
    }
    narrow(new Set(nodes.filter((node) => (node.step ?? node.table)!.options.tags.some((tag) => selection.tags.includes(tag))).map((node) => node.id)))
  }
  // A `skip` step runs only when the user names it: `--only ID` or `--target ID` (as Runme runs an
  // `excludeFromRunAll` cell by name). Rollbacks are written this way.
  const named = new Set([...(selection.only ?? []), ...(selection.target ? [selection.target] : [])])
  const passedBefore = new Set((selection.resumeFrom?.steps ?? []).filter((s) => s.status === 'passed').map((s) => s.id))
  for (const node of nodes) {
    const options = (node.step ?? node.table)!.options
    if (options.skip && !named.has(node.id)) out.set(node.id, 'marked skip')
    else if (wanted && !wanted.has(node.id)) out.set(node.id, 'not selected for this run')
    else if (passedBefore.has(node.id)) out.set(node.id, resumedReason)
    else out.set(node.id, undefined)
  }
  return out
}
