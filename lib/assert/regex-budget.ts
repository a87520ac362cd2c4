// A time limit for user regexes that pass the safety check but could still be slow: patterns with
// several overlapping loops (`.*a.*b`, `(.*a){12}`) backtrack polynomially, which on a long line
// is a hang in practice. Such a regex runs inline while `length ^ loops` stays small, and in a
// worker thread under a time limit otherwise: the run gets an answer or a clear failure, never a hang.
import {parseRegex} from './regex-ast.js'
import {buildAutomaton} from './regex-automaton.js'
import {loopDepth} from './regex-loops.js'

// Milliseconds a single regex test may take off the main thread before it counts as a failure.
export const regexTimeLimitMs = 500
// Milliseconds the worker may take to start before the test counts as a timeout.
const workerStartLimitMs = 30_000
const inlineBudget = 1e7

const workerCode = `
const {workerData} = require('node:worker_threads')
const flag = new Int32Array(workerData.shared)
Atomics.store(flag, 0, 2)
Atomics.notify(flag, 0)
let ok = false
try { ok = new RegExp(workerData.source, workerData.flags).test(workerData.text) } catch {}
Atomics.store(flag, 1, ok ? 1 : 0)
Atomics.store(flag, 0, 1)
Atomics.notify(flag, 0)
`

// Number of overlapping loops a match may nest (an upper bound on the polynomial degree).
export function regexLoops(source: string, flags: string): number {
  try {
    const automaton = buildAutomaton(parseRegex(source, flags))
    return automaton.tooLarge ? 99 : loopDepth(automaton)
  } catch {
    return 99
  }
}

// Test `regex` on `text`, in a worker under the time limit when the text is long for its loops.
export function testWithinBudget(regex: RegExp, loops: number, text: string): boolean | 'timeout' {
  if (loops <= 1 || Math.pow(Math.max(text.length, 1), loops) <= inlineBudget) return regex.test(text)
  const shared = new SharedArrayBuffer(8)
  const flag = new Int32Array(shared)
  // worker_threads loads only here, synchronously: most documents never need it, and it is costly to load.
  const {Worker} = process.getBuiltinModule('node:worker_threads')
  const worker = new Worker(workerCode, {eval: true, workerData: {source: regex.source, flags: regex.flags.replace(/[gy]/g, ''), text, shared}})
  // The limit counts from when the worker starts matching, not from its spawn: on a loaded machine
  // starting a thread alone can take longer than the limit. A worker that never starts is a timeout too.
  Atomics.wait(flag, 0, 0, workerStartLimitMs)
  if (Atomics.load(flag, 0) === 2) Atomics.wait(flag, 0, 2, regexTimeLimitMs)
  const done = Atomics.load(flag, 0) === 1
  void worker.terminate()
  worker.unref()
  return done ? Atomics.load(flag, 1) === 1 : 'timeout'
}
