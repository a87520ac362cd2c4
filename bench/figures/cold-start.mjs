// Cold start: `runbook --version` and `runbook list` of a 10-step file, against `node -e 0`.
import {hyperfine} from '../lib/hyperfine.mjs'
import {runCli, firstLine} from '../lib/runbook.mjs'
import {check} from '../lib/check.mjs'

export const id = 'cold-start'
export const title = 'Cold start (`--version`; `list` of 10 steps)'
export const perNode = true

// Measure the figure; times are hyperfine medians in seconds.
export async function measure(ctx) {
  const notes = []
  const runs = ctx.quick ? 10 : 30
  const commands = [
    {name: 'node -e 0', command: `${ctx.node} -e 0`},
    {name: 'txm --version', command: `${ctx.node} ${ctx.txmJs} --version`},
  ]
  const version = runCli(ctx, ['--version'])
  const versionOk = version.code === 0 && /^\d+\.\d+\.\d+/.test(version.stdout)
  if (versionOk) commands.push({name: 'runbook --version', command: `${ctx.node} ${ctx.cli} --version`})
  else notes.push(`--version not measured: ${firstLine(version)}`)
  const list = runCli(ctx, ['list', ctx.workloads.list10])
  const listOk = list.code === 0 && list.stdout.includes('step-1') && list.stdout.includes('step-10')
  if (listOk) commands.push({name: 'runbook list', command: `${ctx.node} ${ctx.cli} list ${ctx.workloads.list10}`})
  else notes.push(`list not measured: ${firstLine(list)}`)
  const times = hyperfine(commands, {warmup: 3, runs, cwd: ctx.work})
  const s = (name) => times[name]?.median ?? null
  const cpu = (name) => times[name]?.cpu ?? null
  return {
    times,
    notes,
    checks: [
      check({label: 'runbook --version', unit: 's', ours: s('runbook --version'), peer: s('node -e 0'), peerName: 'node -e 0',
        target: {on: 'ratio', max: 1.5}, targetText: '≤ 1.5× node -e 0'}),
      check({label: 'runbook list (10 steps)', unit: 's', ours: s('runbook list'), peer: s('node -e 0'), peerName: 'node -e 0',
        target: {on: 'ratio', max: 2}, targetText: '≤ 2× node -e 0'}),
      check({label: '--version, CPU time (user+sys)', unit: 's', ours: cpu('runbook --version'), peer: cpu('node -e 0'), peerName: 'node -e 0', note: 'info'}),
      check({label: 'list, CPU time (user+sys)', unit: 's', ours: cpu('runbook list'), peer: cpu('node -e 0'), peerName: 'node -e 0', note: 'info'}),
      check({label: '--version vs txm --version', unit: 's', ours: s('runbook --version'), peer: s('txm --version'), peerName: 'txm --version', note: 'info'}),
    ],
  }
}
