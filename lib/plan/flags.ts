// The short flags shown for a node by `list` and `plan` (`background`, `retries=3`, `tags=db` …).
import type {PlanNode} from '../graph.js'

// The node's notable options as short words, in a fixed order.
export function nodeFlags(node: PlanNode): string[] {
  const flags: string[] = []
  const options = node.step?.options ?? node.table?.options
  if (!options) return flags
  if (node.target) flags.push(`on=${node.target}`)
  if (node.table) flags.push(`rows=${node.table.rows.length}`)
  if (node.table?.threshold) flags.push(`threshold=${node.table.threshold.pass}/${node.table.threshold.of}`)
  if (options.skip) flags.push('skip')
  if (options.manual) flags.push('manual')
  if (options.background) flags.push('background')
  if (options.always) flags.push('always')
  if (options.allowFailure) flags.push('allow-failure')
  if (options.confirm !== undefined) flags.push('confirm')
  if (options.timeoutMs !== undefined) flags.push(`timeout=${shortDuration(options.timeoutMs)}`)
  if (options.retries > 0) flags.push(`retries=${options.retries}`)
  if (options.tags.length > 0) flags.push(`tags=${options.tags.join(',')}`)
  if (node.step && node.step.expectations.length > 0) flags.push(`expect=${node.step.expectations.length}`)
  return flags
}

// A duration the way it is written in attributes: `5m`, `30s`, `1500ms`.
export function shortDuration(ms: number): string {
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) if (ms >= size && ms % size === 0) return `${ms / size}${unit}`
  return `${ms}ms`
}
