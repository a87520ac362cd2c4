// Line alignment of expected patterns against output lines. `matchLines` decides (fast, polynomial:
// a set of reachable output positions per pattern line, so `...` backtracks without blowing up);
// `alignLines` explains a failure: the cheapest edit script, for the diff and for `--update`.
import type {LinePattern} from './line-pattern.js'

// One step of an alignment: a matched line, a `...` covering output lines [from, to), or a change.
export type AlignOp =
  | {op: 'match'; p: number; a: number}
  | {op: 'ellipsis'; p: number; from: number; to: number}
  | {op: 'delete'; p: number}
  | {op: 'insert'; a: number}

// True when the patterns match the whole output.
export function matchLines(patterns: LinePattern[], actual: string[], raw?: string[]): boolean {
  const n = actual.length
  // reachable[j] for the current pattern line: the first i lines match actual[0..j)
  let reach: number[] = [0]
  for (const pattern of patterns) {
    if (reach.length === 0) return false
    if (pattern.kind === 'ellipsis') {
      const from = reach[0]!
      reach = []
      for (let j = from; j <= n; j++) reach.push(j)
      continue
    }
    const next: number[] = []
    if (pattern.repeat) {
      const seen = new Set<number>()
      for (const j of reach) {
        if (pattern.repeat.min === 0) seen.add(j)
        for (let k = j, count = 0; k < n && count < pattern.repeat.max && pattern.matches(actual[k]!, raw?.[k]); k++) {
          count++
          if (count >= pattern.repeat.min) seen.add(k + 1)
        }
      }
      reach = [...seen].sort((a, b) => a - b)
      continue
    }
    for (const j of reach) if (j < n && pattern.matches(actual[j]!, raw?.[j])) next.push(j + 1)
    reach = next
  }
  return reach.length > 0 && reach[reach.length - 1] === n
}

const maxCells = 4_000_000
// A changed line (one expected line against one output line) is cheaper than dropping an expected
// line, so a `...` never swallows the output line that an unmatched expected line stands for.
const insertCost = 1
const substituteCost = 2
const deleteCost = 3

// The cheapest alignment (fewest deleted + inserted lines) of the patterns against the output.
export function alignLines(patterns: LinePattern[], actual: string[], raw?: string[]): AlignOp[] {
  // Trim a prefix and suffix that match line for line, so the quadratic part stays small.
  let head = 0
  while (head < patterns.length && head < actual.length && patterns[head]!.kind !== 'ellipsis' && !patterns[head]!.repeat && patterns[head]!.matches(actual[head]!, raw?.[head])) head++
  let tail = 0
  while (
    tail < patterns.length - head && tail < actual.length - head &&
    patterns[patterns.length - 1 - tail]!.kind !== 'ellipsis' && !patterns[patterns.length - 1 - tail]!.repeat &&
    patterns[patterns.length - 1 - tail]!.matches(actual[actual.length - 1 - tail]!, raw?.[actual.length - 1 - tail])
  ) tail++
  const ops: AlignOp[] = []
  for (let i = 0; i < head; i++) ops.push({op: 'match', p: i, a: i})
  const pEnd = patterns.length - tail
  const aEnd = actual.length - tail
  if ((pEnd - head + 1) * (aEnd - head + 1) <= maxCells) ops.push(...alignMiddle(patterns, actual, raw, head, pEnd, head, aEnd))
  else ops.push(...crude(patterns, head, pEnd, head, aEnd))
  for (let k = tail; k > 0; k--) ops.push({op: 'match', p: patterns.length - k, a: actual.length - k})
  return ops
}

function alignMiddle(patterns: LinePattern[], actual: string[], raw: string[] | undefined, p0: number, p1: number, a0: number, a1: number): AlignOp[] {
  const m = p1 - p0
  const n = a1 - a0
  const width = n + 1
  const cost = new Uint32Array((m + 1) * width)
  const matched = new Uint8Array((m + 1) * width)
  for (let j = 0; j <= n; j++) cost[m * width + j] = (n - j) * insertCost
  for (let i = m - 1; i >= 0; i--) {
    const pattern = patterns[p0 + i]!
    for (let j = n; j >= 0; j--) {
      const here = i * width + j
      const down = (i + 1) * width + j
      if (pattern.kind === 'ellipsis') {
        cost[here] = j < n ? Math.min(cost[down]!, cost[here + 1]!) : cost[down]!
        continue
      }
      let best = deleteCost + cost[down]!
      if (pattern.repeat?.min === 0) best = Math.min(best, cost[down]!)
      if (j < n) {
        best = Math.min(best, insertCost + cost[here + 1]!, substituteCost + cost[down + 1]!)
        if (pattern.matches(actual[a0 + j]!, raw?.[a0 + j])) {
          matched[here] = 1
          best = Math.min(best, cost[down + 1]!)
          if (pattern.repeat && pattern.repeat.max > 1) best = Math.min(best, cost[here + 1]!) // one more line, when the quantifier allows it
        }
      }
      cost[here] = best
    }
  }
  const ops: AlignOp[] = []
  let i = 0
  let j = 0
  while (i < m || j < n) {
    const here = i * width + j
    if (i === m) {
      ops.push({op: 'insert', a: a0 + j++})
      continue
    }
    const down = (i + 1) * width + j
    if (patterns[p0 + i]!.kind === 'ellipsis') {
      const from = j
      while (j < n && cost[i * width + j] !== cost[(i + 1) * width + j]) j++
      ops.push({op: 'ellipsis', p: p0 + i, from: a0 + from, to: a0 + j})
      i++
    } else if (patterns[p0 + i]!.repeat) {
      // A quantified line covers a run of output lines, shown like `...`.
      const from = j
      while (j < n && matched[i * width + j] && cost[i * width + j] === cost[i * width + j + 1] && cost[i * width + j] !== cost[(i + 1) * width + j + 1]) j++
      if (j < n && matched[i * width + j] && cost[i * width + j] === cost[(i + 1) * width + j + 1]) {
        ops.push({op: 'ellipsis', p: p0 + i++, from: a0 + from, to: a0 + ++j})
      } else if (cost[i * width + j] === cost[(i + 1) * width + j] && patterns[p0 + i]!.repeat!.min === 0 && j === from) {
        ops.push({op: 'ellipsis', p: p0 + i++, from: a0 + j, to: a0 + j})
      } else if (j < n && cost[i * width + j] === substituteCost + cost[(i + 1) * width + j + 1]!) {
        ops.push({op: 'delete', p: p0 + i++}, {op: 'insert', a: a0 + j++})
      } else if (cost[i * width + j] === deleteCost + cost[(i + 1) * width + j]!) {
        ops.push({op: 'delete', p: p0 + i++})
      } else {
        ops.push({op: 'insert', a: a0 + j++})
      }
    } else if (j < n && matched[here] && cost[here] === cost[down + 1]) {
      ops.push({op: 'match', p: p0 + i++, a: a0 + j++})
    } else if (j < n && cost[here] === substituteCost + cost[down + 1]!) {
      ops.push({op: 'delete', p: p0 + i++}, {op: 'insert', a: a0 + j++})
    } else if (cost[here] === deleteCost + cost[down]!) {
      ops.push({op: 'delete', p: p0 + i++})
    } else {
      ops.push({op: 'insert', a: a0 + j++})
    }
  }
  return ops
}

// Too large to align precisely: every remaining pattern line against every remaining output line.
function crude(patterns: LinePattern[], p0: number, p1: number, a0: number, a1: number): AlignOp[] {
  const ops: AlignOp[] = []
  for (let i = p0; i < p1; i++) ops.push(patterns[i]!.kind === 'ellipsis' ? {op: 'ellipsis', p: i, from: a0, to: a0} : {op: 'delete', p: i})
  for (let j = a0; j < a1; j++) ops.push({op: 'insert', a: j})
  return ops
}
