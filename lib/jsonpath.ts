// A small JSONPath subset for `jsonpath "$.a.b"` asserts and captures: `$.a.b`, `$.a[0]`,
// `$['k']`, `$.a[*].b`, `$.*`, `$..b` and negative indexes (`$.a[-1]`).

type Segment = {kind: 'key'; key: string} | {kind: 'index'; index: number} | {kind: 'all'} | {kind: 'deep'; key: string | undefined}

// The parsed form of a path; throws a readable error for an unsupported or broken path.
export function parseJsonPath(path: string): Segment[] {
  const text = path.trim()
  if (!text.startsWith('$')) throw new Error(`JSONPath must start with \`$\`: ${path}`)
  const segments: Segment[] = []
  let i = 1
  while (i < text.length) {
    const rest = text.slice(i)
    let match: RegExpExecArray | null
    if ((match = /^\.\.(?:([A-Za-z_$][\w$-]*)|\*)/.exec(rest))) segments.push({kind: 'deep', key: match[1]})
    else if ((match = /^\.([A-Za-z_$][\w$-]*)/.exec(rest))) segments.push({kind: 'key', key: match[1]!})
    else if ((match = /^(?:\.\*|\[\*\])/.exec(rest))) segments.push({kind: 'all'})
    else if ((match = /^\[\s*(-?\d+)\s*\]/.exec(rest))) segments.push({kind: 'index', index: Number(match[1])})
    else if ((match = /^\[\s*'((?:[^'\\]|\\.)*)'\s*\]/.exec(rest)) || (match = /^\[\s*"((?:[^"\\]|\\.)*)"\s*\]/.exec(rest))) {
      segments.push({kind: 'key', key: match[1]!.replace(/\\(.)/g, '$1')})
    } else throw new Error(`unsupported JSONPath at \`${rest}\` in ${path} (supported: $.a.b, $.a[0], $['k'], $.a[*].b, $..b)`)
    i += match[0].length
  }
  return segments
}

// Every value the path selects, in document order.
export function queryJsonPath(value: unknown, path: string): unknown[] {
  let nodes: unknown[] = [value]
  for (const segment of parseJsonPath(path)) {
    const next: unknown[] = []
    for (const node of nodes) select(node, segment, next)
    nodes = next
  }
  return nodes
}

// True when the path can select more than one value (a wildcard or `..`): results are lists then.
export function isPluralJsonPath(path: string): boolean {
  return parseJsonPath(path).some((s) => s.kind === 'all' || s.kind === 'deep')
}

function select(node: unknown, segment: Segment, out: unknown[]): void {
  if (segment.kind === 'deep') {
    descend(node, segment.key, out)
    return
  }
  if (node === null || typeof node !== 'object') return
  if (segment.kind === 'all') {
    out.push(...(Array.isArray(node) ? node : Object.values(node)))
  } else if (segment.kind === 'index') {
    if (!Array.isArray(node)) return
    const index = segment.index < 0 ? node.length + segment.index : segment.index
    if (index >= 0 && index < node.length) out.push(node[index])
  } else if (!Array.isArray(node) && Object.hasOwn(node, segment.key)) {
    out.push((node as Record<string, unknown>)[segment.key])
  }
}

function descend(node: unknown, key: string | undefined, out: unknown[]): void {
  if (node === null || typeof node !== 'object') return
  const children = Array.isArray(node) ? node : Object.values(node)
  if (key === undefined) out.push(...children)
  else if (!Array.isArray(node) && Object.hasOwn(node, key)) out.push((node as Record<string, unknown>)[key])
  for (const child of children) descend(child, key, out)
}
