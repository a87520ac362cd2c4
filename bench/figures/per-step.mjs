// Per-step overhead: 200 `echo hello` steps with expect blocks, against txm, cram and a bash loop.
import {hyperfine} from '../lib/hyperfine.mjs'
import {verifyRun, runsFor, firstLine, runCli} from '../lib/runbook.mjs'
import {check} from '../lib/check.mjs'

export const id = 'per-step'
export const title = 'Per-step overhead (200 × `echo hello` + expect)'
export const perNode = true

// Measure the figure; every time is a hyperfine median in seconds.
export async function measure(ctx) {
  const w = ctx.workloads
  const N = 200
  const budget = ctx.quick ? 4 : 12
  const times = {}
  const notes = []
  const time = (name, command, seconds) => {
    const runs = runsFor(seconds, budget, {min: ctx.quick ? 2 : 3, max: ctx.quick ? 5 : 10})
    Object.assign(times, hyperfine([{name, command}], {warmup: 1, runs, cwd: ctx.work}))
  }
  const seconds = (name) => times[name]?.median ?? null

  // The floor: one fresh `bash -c` per step, from a bash loop.
  time('bash-loop-200', `bash -c 'for i in $(seq ${N}); do bash -c "echo hello" >/dev/null; done'`, 0.5)
  time('bash-loop-1', `bash -c 'for i in $(seq 1); do bash -c "echo hello" >/dev/null; done'`, 0.01)
  // Peers.
  time('txm-200', `${ctx.txm} --jobs 1 ${w.perStepTxm200}`, 1.5)
  time('txm-1', `${ctx.txm} --jobs 1 ${w.perStepTxm1}`, 0.2)
  time('cram-200', `cram3 -q ${w.perStepCram200}`, 0.1)
  time('cram-1', `cram3 -q ${w.perStepCram1}`, 0.05)

  // runbook, once it passes all 200 steps and fails a wrong expectation.
  const ok = verifyRun(ctx, w.perStep200, {passed: N})
  const control = runCli(ctx, ['run', w.perStepFail, '--reporter', 'plain'])
  let working = ok.ok && control.code === 1
  if (!ok.ok) notes.push(`runbook not measured: ${ok.note}`)
  else if (control.code !== 1) notes.push(`runbook not measured: a wrong expectation did not fail the run (${firstLine(control)})`)
  if (working) {
    notes.push(`checked first: ${ok.note}; a wrong expectation exits 1`)
    if (ok.stepMs) notes.push(`evidence: the 200 steps' own durations add up to ${Math.round(ok.stepMs)} ms`)
    time('runbook-200', `${ctx.node} ${ctx.cli} run ${w.perStep200} --reporter plain`, ok.seconds)
    time('runbook-1', `${ctx.node} ${ctx.cli} run ${w.perStep1} --reporter plain`, 0.3)
    // The same run with every cache off (parsed documents, V8 code): what a first run pays.
    time('runbook-200-nocache', `env RUNBOOK_NO_CACHE=1 ${ctx.node} ${ctx.cli} run ${w.perStep200} --reporter plain`, ok.seconds)
  }

  const perStep = (name) => seconds(`${name}-200`) == null || seconds(`${name}-1`) == null
    ? null : (seconds(`${name}-200`) - seconds(`${name}-1`)) / (N - 1)
  const floor = perStep('bash-loop')
  const above = (name) => perStep(name) == null || floor == null ? null : (perStep(name) - floor) * 1000
  return {
    times,
    notes,
    derived: {floorMsPerSpawn: floor * 1000, msPerStep: {runbook: perStep('runbook') * 1000 || null, txm: perStep('txm') * 1000, cram: perStep('cram') * 1000}},
    checks: [
      check({label: 'whole run, 200 steps', unit: 's', ours: working ? seconds('runbook-200') : null, peer: seconds('txm-200'), peerName: 'txm --jobs 1',
        target: {on: 'ratio', max: 0.5}, targetText: '≤ 0.5× txm'}),
      check({label: 'ms per step above one bash -c', unit: 'ms', ours: working ? above('runbook') : null, peer: above('txm'), peerName: 'txm',
        target: {on: 'value', max: 1}, targetText: '≤ 1 ms'}),
      check({label: 'whole run, 200 steps, caches off (RUNBOOK_NO_CACHE=1)', unit: 's', ours: working ? seconds('runbook-200-nocache') : null, peer: seconds('txm-200'), peerName: 'txm --jobs 1', note: 'info'}),
      check({label: 'whole run, CPU time (user+sys)', unit: 's', ours: working ? times['runbook-200']?.cpu : null, peer: times['txm-200']?.cpu, peerName: 'txm --jobs 1', note: 'info'}),
      check({label: 'whole run vs cram (one shell)', unit: 's', ours: working ? seconds('runbook-200') : null, peer: seconds('cram-200'), peerName: 'cram3',
        note: 'info'}),
      check({label: 'whole run vs bash loop floor', unit: 's', ours: working ? seconds('runbook-200') : null, peer: seconds('bash-loop-200'), peerName: '200× bash -c',
        note: 'info'}),
    ],
  }
}
