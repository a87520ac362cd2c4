// Graph execution: run what `needs` allows, up to `concurrency` at once; a failure marks its
// dependants `not-run` while independent branches go on; after an interrupt only `always` steps
// still run (without the interrupt, so teardown can finish).
import type {PlanNode} from '../graph.js'
import type {StepResult} from '../result.js'
import type {RunContext} from './context.js'
import {onlyOutputDiffered, plainResult, satisfies} from './results.js'
import {runStep, type StepRun} from './step.js'
import type {SessionState} from './state.js'
import {runTable} from './table.js'

// Run every node; resolves with one result per node (by id).
export async function runGraph(
  context: RunContext,
  nodes: PlanNode[],
  excluded: Map<string, string | undefined>,
  initial: SessionState,
  concurrency: number,
): Promise<Map<string, StepResult>> {
  const results = new Map<string, StepResult>()
  const after = new Map<string, SessionState>()
  const position = new Map(nodes.map((node, index) => [node.id, index]))
  const running = new Map<string, Promise<void>>()
  const teardown: RunContext = {...context, signal: undefined}

  // A node starts from the state its latest dependency (in document order) left.
  const stateBefore = (node: PlanNode): SessionState => {
    const needs = [...node.needs].sort((a, b) => position.get(b)! - position.get(a)!)
    for (const need of needs) {
      const state = after.get(need)
      if (state) return state
    }
    return initial
  }
  const record = (node: PlanNode, result: StepResult, state: SessionState, emit: boolean) => {
    results.set(node.id, result)
    context.statuses?.set(node.id, result.status)
    after.set(node.id, state)
    if (emit) context.emit({type: 'step:end', at: Date.now(), stepId: node.id, result})
  }
  const execute = (node: PlanNode, runContext: RunContext): Promise<StepRun> =>
    node.table ? runTable(runContext, node.table, stateBefore(node)) : runStep(runContext, node.step!, stateBefore(node))
  const done = (result: StepResult) => satisfies(result) || (context.update === true && onlyOutputDiffered(result))
  // The nodes neither recorded nor started, in document order: each pass looks at these only, and
  // allocates nothing for a node that is not ready (a pass runs twice a step: on a long runbook,
  // closures made per node and pass were most of what a step allocated).
  let waiting = nodes

  let progressed = false
  while (results.size < nodes.length) {
    if (progressed) waiting = waiting.filter((node) => !results.has(node.id) && !running.has(node.id))
    progressed = false
    for (let i = 0; i < waiting.length; i++) {
      const node = waiting[i]!
      if (results.has(node.id) || running.has(node.id)) continue
      if (!allIn(node.needs, results)) continue
      const source = (node.step ?? node.table)!
      const reason = excluded.get(node.id)
      if (reason !== undefined) {
        record(node, plainResult(source, 'skipped', reason), stateBefore(node), true)
        progressed = true
        continue
      }
      const aborted = context.signal?.aborted === true
      const always = source.options.always
      if (aborted && !always) {
        record(node, plainResult(source, 'not-run', `the run was interrupted (${String(context.signal!.reason)})`), stateBefore(node), true)
        progressed = true
        continue
      }
      const blocker = firstBlocker(node.needs, results, done)
      if (blocker !== undefined && !always) {
        const status = results.get(blocker)!.status
        record(node, plainResult(source, 'not-run', `needs \`${blocker}\`, which ${status === 'not-run' ? 'did not run' : `ended ${status}`}`), stateBefore(node), true)
        progressed = true
        continue
      }
      if (running.size >= concurrency) continue
      const task = execute(node, aborted ? teardown : context).then(
        (run) => record(node, run.result, run.state, false),
        (error: unknown) => {
          record(node, plainResult(source, 'failed', `internal error: ${(error as Error)?.message ?? String(error)}`), stateBefore(node), true)
        },
      )
      running.set(node.id, task.finally(() => running.delete(node.id)))
      progressed = true
    }
    if (progressed) continue
    if (running.size === 0) break
    await Promise.race(running.values())
  }
  return results
}

// True when every id of `needs` has a result.
// (Indexed: this runs for every waiting node twice a step, and an array iterator is an allocation.)
function allIn(needs: readonly string[], results: ReadonlyMap<string, StepResult>): boolean {
  for (let i = 0; i < needs.length; i++) if (!results.has(needs[i]!)) return false
  return true
}

// The first need whose result does not count as done, if any.
function firstBlocker(needs: readonly string[], results: ReadonlyMap<string, StepResult>, done: (result: StepResult) => boolean): string | undefined {
  for (const need of needs) if (!done(results.get(need)!)) return need
  return undefined
}
