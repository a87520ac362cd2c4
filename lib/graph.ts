// The step graph: steps and check tables in document order, `needs=` edges, cycles and unknown ids.
import {stronglyConnected} from './assert/strongly-connected.js'
import {Diagnostic} from './diagnostic.js'
import type {CheckTable, Runbook, Runner, Span, Step} from './model.js'
import {suggest} from './parse/suggest.js'

// One node of the graph: a step or a check table.
export interface PlanNode {
  id: string
  kind: 'step' | 'table'
  needs: string[] // resolved: explicit `needs=`, else the previous node, [] for a root
  line: number
  runner: Runner
  step?: Step
  table?: CheckTable
  target?: string // where the step runs when not local (SPEC §13)
}

// The graph, a topological order (document order where free), and its problems.
export interface Plan {
  nodes: PlanNode[]
  order: string[]
  diagnostics: Diagnostic[]
}

// Build the graph of a parsed runbook; duplicate ids, unknown `needs` and cycles are diagnostics.
export function planRunbook(runbook: Runbook): Plan {
  const items = [...runbook.steps.map((step) => ({span: step.span, step})), ...runbook.tables.map((table) => ({span: table.span, table}))]
  items.sort((a, b) => a.span.start.offset - b.span.start.offset)
  const diagnostics: Diagnostic[] = []
  const nodes: PlanNode[] = []
  const first = new Map<string, PlanNode>()
  const places = new Map<PlanNode, {span: Span; needsSpan?: Span}>()
  for (const item of items) {
    const source = 'step' in item ? item.step! : item.table!
    const previous = nodes[nodes.length - 1]
    const node: PlanNode = {
      id: source.id,
      kind: 'step' in item ? 'step' : 'table',
      needs: source.needs ?? (previous ? [previous.id] : []),
      line: item.span.start.line,
      runner: 'step' in item ? item.step!.runner : 'http',
    }
    if ('step' in item) node.step = item.step
    else node.table = item.table
    const target = 'step' in item ? (item.step!.options.on ?? runbook.frontMatter?.target) : undefined
    if (target !== undefined && target !== 'local') node.target = target
    const needsSpan = source.attributes.find((a) => a.key === 'needs')?.span
    const idSpan = source.attributes.find((a) => a.key === 'id' || a.key === 'name')?.span
    places.set(node, {span: idSpan ?? item.span, ...(needsSpan ? {needsSpan} : {})})
    const earlier = first.get(node.id)
    if (earlier) {
      diagnostics.push(
        new Diagnostic(`Duplicate step id \`${node.id}\``, {file: runbook.file, place: places.get(node)!.span, ruleId: 'duplicate-step-id', note: `first used on line ${earlier.line}`}),
      )
      continue
    }
    first.set(node.id, node)
    nodes.push(node)
  }
  const ids = [...first.keys()]
  for (const node of nodes) {
    for (const need of node.needs) {
      if (first.has(need)) continue
      const hint = suggest(need, ids)
      diagnostics.push(
        new Diagnostic(`Step \`${node.id}\` needs \`${need}\`, which is no step of this runbook`, {
          file: runbook.file,
          place: places.get(node)!.needsSpan ?? places.get(node)!.span,
          ruleId: 'unknown-dependency',
          note: hint ? `did you mean \`${hint}\`?` : undefined,
          actual: need,
          expected: ids,
        }),
      )
    }
    node.needs = node.needs.filter((need) => first.has(need))
  }
  for (const cycle of findCycles(nodes, first)) {
    const at = cycle[0]!
    diagnostics.push(
      new Diagnostic(`Dependency cycle: ${[...cycle, at].map((n) => `\`${n.id}\``).join(' needs ')}`, {
        file: runbook.file,
        place: places.get(at)!.needsSpan ?? places.get(at)!.span,
        ruleId: 'dependency-cycle',
        note: `steps in the cycle: ${cycle.map((n) => n.id).join(', ')}`,
      }),
    )
  }
  return {nodes, order: topologicalOrder(nodes, first), diagnostics}
}

// Kahn's algorithm, always taking the earliest ready node in document order; nodes in cycles are left out.
function topologicalOrder(nodes: PlanNode[], byId: Map<string, PlanNode>): string[] {
  const position = new Map(nodes.map((node, index) => [node, index]))
  const waiting = new Map(nodes.map((node) => [node, new Set(node.needs)]))
  const dependants = new Map<string, PlanNode[]>()
  for (const node of nodes) for (const need of node.needs) dependants.set(need, [...(dependants.get(need) ?? []), node])
  const ready = nodes.filter((node) => waiting.get(node)!.size === 0)
  const order: string[] = []
  while (ready.length > 0) {
    ready.sort((a, b) => position.get(a)! - position.get(b)!)
    const node = ready.shift()!
    order.push(node.id)
    for (const next of dependants.get(node.id) ?? []) {
      const left = waiting.get(next)!
      left.delete(node.id)
      if (left.size === 0 && byId.get(next.id) === next) ready.push(next)
    }
  }
  return order
}

// Every strongly connected component that is a cycle, as a path through it starting at its first node.
function findCycles(nodes: PlanNode[], byId: Map<string, PlanNode>): PlanNode[][] {
  // Iterative Tarjan (shared with the regex checker): a 6,000-step `needs` chain cannot overflow the stack.
  const position = new Map(nodes.map((node, i) => [node, i]))
  const successors = (i: number) => nodes[i]!.needs.map((need) => byId.get(need)).filter((next) => next !== undefined).map((next) => position.get(next)!)
  const componentOf = stronglyConnected(nodes.length, successors, nodes.map((_, i) => i))
  const groups = new Map<number, PlanNode[]>()
  nodes.forEach((node, i) => {
    const group = groups.get(componentOf[i]!)
    if (group) group.push(node)
    else groups.set(componentOf[i]!, [node])
  })
  const components = [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, members]) => members)
    .filter((members) => members.length > 1 || members[0]!.needs.includes(members[0]!.id))
  const order = new Map(nodes.map((node, i) => [node, i]))
  return components.map((component) => {
    const members = new Set(component)
    const start = [...component].sort((a, b) => order.get(a)! - order.get(b)!)[0]!
    // Breadth-first from start along `needs` inside the component, back to start.
    const from = new Map<PlanNode, PlanNode>()
    const queue = [start]
    while (queue.length > 0) {
      const node = queue.shift()!
      for (const need of node.needs) {
        const next = byId.get(need)!
        if (!members.has(next)) continue
        if (next === start) {
          const path = [node]
          while (path[0] !== start) path.unshift(from.get(path[0]!)!)
          return path // start needs path[1], which needs path[2] … which needs start
        }
        if (!from.has(next)) {
          from.set(next, node)
          queue.push(next)
        }
      }
    }
    return component
  })
}
