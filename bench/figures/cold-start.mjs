// Cold start: `runbook --version` and `runbook list` of a 10-step file, against `node -e 0`, run as a
// user runs them: the `runbook` command (dist/bin/runbook), on this figure's Node. Where the
// machine sets NODE_EXTRA_CA_CERTS, which Node 20 parses while it starts and the command moves out
// of its way, `node -e 0` is also timed without it, and so is the CLI file started by `node` itself.
import {hyperfine} from '../lib/hyperfine.mjs'
import {commandEnv, runCli, firstLine} from '../lib/runbook.mjs'
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
  if (versionOk) commands.push({name: 'runbook --version', command: `${ctx.bin} --version`})
  else notes.push(`--version not measured: ${firstLine(version)}`)
  const list = runCli(ctx, ['list', ctx.workloads.list10])
  const listOk = list.code === 0 && list.stdout.includes('step-1') && list.stdout.includes('step-10')
  if (listOk) commands.push({name: 'runbook list', command: `${ctx.bin} list ${ctx.workloads.list10}`})
  else notes.push(`list not measured: ${firstLine(list)}`)
  const extraCa = process.env.NODE_EXTRA_CA_CERTS !== undefined
  if (extraCa) {
    commands.push({name: 'node -e 0, no CA variable', command: `env -u NODE_EXTRA_CA_CERTS ${ctx.node} -e 0`})
    if (listOk) commands.push({name: 'node runbook.js list', command: `${ctx.node} ${ctx.cli} list ${ctx.workloads.list10}`})
  }
  const times = hyperfine(commands, {warmup: 3, runs, cwd: ctx.work, env: commandEnv(ctx)})
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
      ...(extraCa
        ? [
            check({label: 'runbook list vs node -e 0 without NODE_EXTRA_CA_CERTS', unit: 's', ours: s('runbook list'), peer: s('node -e 0, no CA variable'), peerName: 'env -u NODE_EXTRA_CA_CERTS node -e 0', note: 'info'}),
            check({label: 'node dist/bin/runbook.js list (Node parses the CA file)', unit: 's', ours: s('node runbook.js list'), peer: s('node -e 0'), peerName: 'node -e 0', note: 'info'}),
          ]
        : []),
    ],
  }
}
