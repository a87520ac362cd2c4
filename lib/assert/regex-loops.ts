// How many loops of a regex's position automaton one match can pass through in sequence: the
// longest chain of cyclic components. `\d+\.\d+` has 2, `(.*a){12}` has 12, a literal has 0.
import type {Automaton} from './regex-automaton.js'

// The longest chain of looping components (each counted once) in the automaton.
export function loopDepth(a: Automaton): number {
  const k = a.sets.length
  const component = new Int32Array(k).fill(-1)
  const index = new Int32Array(k).fill(-1)
  const low = new Int32Array(k)
  const stack: number[] = []
  const onStack = new Uint8Array(k)
  let counter = 0
  let count = 0
  const order: number[] = [] // components in reverse topological order (Tarjan finishes sinks first)
  for (let root = 0; root < k; root++) {
    if (index[root] !== -1) continue
    const work: Array<{node: number; next: number[]; i: number}> = []
    const visit = (node: number) => {
      index[node] = low[node] = counter++
      stack.push(node)
      onStack[node] = 1
      work.push({node, next: [...a.follow[node]!.keys()], i: 0})
    }
    visit(root)
    while (work.length) {
      const frame = work[work.length - 1]!
      if (frame.i < frame.next.length) {
        const next = frame.next[frame.i++]!
        if (index[next] === -1) visit(next)
        else if (onStack[next]) low[frame.node] = Math.min(low[frame.node]!, index[next]!)
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent) low[parent.node] = Math.min(low[parent.node]!, low[frame.node]!)
      if (low[frame.node] === index[frame.node]) {
        let member: number
        do {
          member = stack.pop()!
          onStack[member] = 0
          component[member] = count
        } while (member !== frame.node)
        order.push(count++)
      }
    }
  }
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
