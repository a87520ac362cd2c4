// Decides whether a user regex can backtrack catastrophically (SPEC §11), so a ` (re)` line or a
// `matches /re/` assert is refused before it runs instead of hanging the run. A regex is unsafe
// when some quantified part can match the same text in two different ways (nested quantifiers
// like `(a+)+`, overlapping alternatives like `(\w|\d)+`, `(\w+\s?)*`): a backtracking engine then
// tries exponentially many ways before it fails. Found on the regex's position automaton: two
// distinct paths that leave a position and come back to it over the same characters.
// Ordinary patterns (`\d+\.\d+`, `.*foo.*`, `(ab+c)*`) pass; lint's `unsafe-regex` calls this too.
import {overlaps} from './charset.js'
import {parseRegex} from './regex-ast.js'
import {buildAutomaton, type Automaton, type RepeatSpan} from './regex-automaton.js'
import {stronglyConnected} from './strongly-connected.js'

// `{safe: true}`, or why the regex may hang: names the part and the problem.
export function checkRegexSafety(source: string, flags = ''): {safe: true} | {safe: false; reason: string} {
  let automaton: Automaton
  try {
    automaton = buildAutomaton(parseRegex(source, flags))
  } catch {
    return {safe: true} // a syntax this checker does not follow: `new RegExp` judged it valid
  }
  if (automaton.tooLarge) return {safe: true}
  const problem = findAmbiguousLoop(automaton)
  if (!problem) return {safe: true}
  const part = problem.span ? source.slice(problem.span.start, problem.span.end) : source
  const why = problem.nested ? 'nested quantifiers' : 'overlapping alternatives or repeats under a quantifier'
  return {
    safe: false,
    reason: `\`${part}\` can match the same text in more than one way (${why}), so a line that does not match makes it backtrack exponentially; make the repeated parts unambiguous (e.g. \`(a+)+\` → \`a+\`)`,
  }
}

interface Problem {
  nested: boolean
  span?: RepeatSpan
}

// Search the product of the automaton with itself for a strongly connected component that holds
// a diagonal state (p, p) and either an off-diagonal state or a doubled edge.
function findAmbiguousLoop(a: Automaton): Problem | undefined {
  const k = a.sets.length
  if (k === 0) return undefined
  const follow = a.follow.map((m) => [...m.keys()])
  const overlap = (p: number, q: number) => p === q || overlaps(a.sets[p]!, a.sets[q]!)
  const successors = (node: number): number[] => {
    const p = Math.floor(node / k)
    const q = node % k
    const out: number[] = []
    for (const p2 of follow[p]!) for (const q2 of follow[q]!) if (overlap(p2, q2)) out.push(p2 * k + q2)
    return out
  }
  const component = stronglyConnected(k * k, successors, Array.from({length: k}, (_, p) => p * k + p))
  for (let p = 0; p < k; p++) {
    const c = component[p * k + p]!
    if (c < 0) continue
    let nested = false
    let off = false
    for (const [p2, count] of a.follow[p]!) if (count > 1 && component[p2 * k + p2] === c) nested = true
    for (const node of successors(p * k + p)) if (Math.floor(node / k) !== node % k && component[node] === c) off = true
    if (nested || off) return {nested, span: widestLoop(a, component, c, k)}
  }
  return undefined
}

// The widest quantifier that adds an edge inside the ambiguous component: the part to name.
function widestLoop(a: Automaton, component: Int32Array, c: number, k: number): RepeatSpan | undefined {
  let best: RepeatSpan | undefined
  for (let p = 0; p < k; p++) {
    if (component[p * k + p] !== c) continue
    for (const [q, span] of a.origin[p]!) {
      if (component[q * k + q] !== c) continue
      if (!best || span.end - span.start > best.end - best.start) best = span
    }
  }
  return best
}
