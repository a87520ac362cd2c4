// How many loops of a regex's position automaton one match can pass through in sequence: the
// longest chain of cyclic components. `\d+\.\d+` has 2, `(.*a){12}` has 12, a literal has 0.
import type {Automaton} from './regex-automaton.js'
import {stronglyConnected} from './strongly-connected.js'

// The longest chain of looping components (each counted once) in the automaton.
export function loopDepth(a: Automaton): number {
  const k = a.sets.length
  const component = stronglyConnected(k, (node) => [...a.follow[node]!.keys()], Array.from({length: k}, (_, i) => i))
  const count = k === 0 ? 0 : Math.max(...component) + 1
  // Tarjan numbers components as they finish (sinks first): 0, 1, 2 … is a reverse topological order.
  const order = Array.from({length: count}, (_, i) => i)
  const cyclic = new Uint8Array(count)
  const members: number[][] = Array.from({length: count}, () => [])
  for (let p = 0; p < k; p++) {
    members[component[p]!]!.push(p)
    for (const q of a.follow[p]!.keys()) if (component[q] === component[p]) cyclic[component[p]!] = 1
  }
  const depth = new Int32Array(count)
  let best = 0
  for (const c of order) {
    let next = 0
    for (const p of members[c]!) for (const q of a.follow[p]!.keys()) if (component[q] !== c) next = Math.max(next, depth[component[q]!]!)
    depth[c] = next + cyclic[c]!
    best = Math.max(best, depth[c]!)
  }
  return best
}
