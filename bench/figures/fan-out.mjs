// Fan-out: 8 independent `sleep 1` steps at --concurrency 8, wall time of the `runbook` command
// (dist/bin/runbook) on this figure's Node.
import {hyperfine} from '../lib/hyperfine.mjs'
import {commandEnv, verifyRun} from '../lib/runbook.mjs'
import {check} from '../lib/check.mjs'

export const id = 'fan-out'
export const title = 'Fan-out (8 × `sleep 1`, --concurrency 8)'
export const perNode = true

// Measure the figure; times are hyperfine medians in seconds.
export async function measure(ctx) {
  const w = ctx.workloads
  const notes = []
  const runs = ctx.quick ? 2 : 3
  const commands = [
    {name: 'bash & wait', command: `bash -c 'for i in 1 2 3 4 5 6 7 8; do sleep 1 & done; wait'`},
    {name: 'txm --jobs 8', command: `${ctx.txm} --jobs 8 ${w.fanOutTxm8}`},
  ]
  const ok = verifyRun(ctx, w.fanOut8, {passed: 8, args: ['--concurrency', '8']})
  if (ok.ok) notes.push(`checked first: ${ok.note}`)
  if (ok.ok) commands.push({name: 'runbook', command: `${ctx.bin} run ${w.fanOut8} --concurrency 8 --reporter plain`})
  else notes.push(`runbook not measured: ${ok.note}`)
  if (ok.ok && ok.seconds > 4) notes.push(`the checked run took ${ok.seconds.toFixed(1)} s: steps do not overlap`)
  const times = hyperfine(commands, {warmup: 1, runs, cwd: ctx.work, env: commandEnv(ctx)})
  const s = (name) => times[name]?.median ?? null
  return {
    times,
    notes,
    checks: [
      check({label: 'wall time', unit: 's', ours: s('runbook'), peer: s('txm --jobs 8'), peerName: 'txm --jobs 8',
        target: {on: 'value', max: 1.15}, targetText: '≤ 1.15 s'}),
      check({label: 'wall time vs bash floor', unit: 's', ours: s('runbook'), peer: s('bash & wait'), peerName: 'bash & + wait', note: 'info'}),
    ],
  }
}
