// Strongly connected components of a graph of numbered states (regex position automata).

// Tarjan's algorithm, iterative, over the states reachable from `roots`; -1 for unreached states.
// Components are numbered as they finish, so 0, 1, 2 … is a reverse topological order.
export function stronglyConnected(size: number, successors: (node: number) => number[], roots: number[]): Int32Array {
  const index = new Int32Array(size).fill(-1)
  const low = new Int32Array(size)
  const component = new Int32Array(size).fill(-1)
  const onStack = new Uint8Array(size)
  const stack: number[] = []
  let counter = 0
  let components = 0
  for (const root of roots) {
    if (index[root] !== -1) continue
    const work: Array<{node: number; next: number[]; i: number}> = []
    const visit = (node: number) => {
      index[node] = low[node] = counter++
      stack.push(node)
      onStack[node] = 1
      work.push({node, next: successors(node), i: 0})
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
          component[member] = components
        } while (member !== frame.node)
        components++
      }
    }
  }
  return component
}
