// The position automaton (Glushkov) of a regex, keeping how many distinct ways lead from one
// position to the next: a backtracking engine explores each of those ways, so two ways to
// loop back over the same text are what makes it exponential.
import type {CharSet} from './charset.js'
import type {RegexNode} from './regex-ast.js'

type Counts = Map<number, number> // position → number of distinct ways

// Every position (one consumed character class) and its weighted successors.
export interface Automaton {
  sets: CharSet[]
  follow: Counts[]
  origin: Array<Map<number, RepeatSpan>> // which quantifier added the edge p → q (the outermost)
  tooLarge: boolean
}

// Where a quantified part stands in the regex source (to name it in messages).
export interface RepeatSpan {
  start: number
  end: number
}

interface Fragment {
  empty: number // ways to match the empty string
  first: Counts
  last: Counts
}

const maxPositions = 150
const maxCopies = 12

// Build the automaton; `tooLarge` when the regex has too many positions to analyse quickly.
export function buildAutomaton(root: RegexNode): Automaton {
  const automaton: Automaton = {sets: [], follow: [], origin: [], tooLarge: false}
  build(root, automaton)
  return automaton
}

function build(node: RegexNode, a: Automaton): Fragment {
  switch (node.type) {
    case 'empty':
      return {empty: 1, first: new Map(), last: new Map()}
    case 'char': {
      if (a.sets.length >= maxPositions) a.tooLarge = true
      const p = a.sets.length
      a.sets.push(node.set)
      a.follow.push(new Map())
      a.origin.push(new Map())
      return {empty: 0, first: new Map([[p, 1]]), last: new Map([[p, 1]])}
    }
    case 'seq':
      return node.items.reduce<Fragment>((acc, item) => concat(acc, build(item, a), a, undefined), {empty: 1, first: new Map(), last: new Map()})
    case 'alt': {
      const parts = node.options.map((option) => build(option, a))
      return {empty: cap(parts.reduce((n, f) => n + f.empty, 0)), first: sum(parts.map((f) => f.first)), last: sum(parts.map((f) => f.last))}
    }
    case 'repeat':
      return repeat(node, a)
  }
}

// `body{min,max}` as copies: min mandatory ones, then a loop (max = ∞) or nested optional ones.
function repeat(node: Extract<RegexNode, {type: 'repeat'}>, a: Automaton): Fragment {
  const span = {start: node.start, end: node.end}
  const min = Math.min(node.min, maxCopies)
  const max = node.max > maxCopies ? Infinity : node.max
  let result: Fragment = {empty: 1, first: new Map(), last: new Map()}
  for (let i = 0; i < min; i++) {
    if (a.tooLarge) return result
    const copy = build(node.body, a)
    if (i === min - 1 && max === Infinity) loop(copy, a, span)
    result = concat(result, copy, a, span)
  }
  if (max === Infinity && min === 0) {
    const copy = build(node.body, a)
    loop(copy, a, span)
    result = concat(result, optional(copy), a, span)
  } else if (max !== Infinity) {
    let tail: Fragment | undefined
    for (let i = max - min; i > 0 && !a.tooLarge; i--) {
      const copy = build(node.body, a)
      tail = optional(tail ? concat(copy, tail, a, span) : copy)
    }
    if (tail) result = concat(result, tail, a, span)
  }
  return result
}

// The loop edges of `body*`: from each way to end an iteration to each way to start the next.
function loop(body: Fragment, a: Automaton, span: RepeatSpan): void {
  link(body.last, body.first, a, span)
}

function optional(body: Fragment): Fragment {
  return {empty: cap(body.empty + 1), first: body.first, last: body.last}
}

function concat(left: Fragment, right: Fragment, a: Automaton, span: RepeatSpan | undefined): Fragment {
  link(left.last, right.first, a, span)
  return {
    empty: cap(left.empty * right.empty),
    first: sum([left.first, scale(right.first, left.empty)]),
    last: sum([right.last, scale(left.last, right.empty)]),
  }
}

function link(from: Counts, to: Counts, a: Automaton, span: RepeatSpan | undefined): void {
  for (const [p, m] of from) {
    for (const [q, n] of to) {
      const follow = a.follow[p]!
      follow.set(q, cap((follow.get(q) ?? 0) + m * n))
      const origin = a.origin[p]!
      const known = origin.get(q)
      if (span && (!known || span.end - span.start > known.end - known.start)) origin.set(q, span)
    }
  }
}

function sum(parts: Counts[]): Counts {
  const out: Counts = new Map()
  for (const part of parts) for (const [p, n] of part) out.set(p, cap((out.get(p) ?? 0) + n))
  return out
}

function scale(counts: Counts, factor: number): Counts {
  if (factor === 0) return new Map()
  return factor === 1 ? counts : new Map([...counts].map(([p, n]) => [p, cap(n * factor)]))
}

// Counts only matter as 0, 1 or "more than one".
function cap(n: number): number {
  return Math.min(n, 2)
}
