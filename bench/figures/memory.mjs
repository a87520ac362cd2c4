// Memory: peak RSS of a run whose one step prints 200 MB, beside cram and the bare pipeline.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {peakRss} from '../lib/rss.mjs'
import {bigOutputCommand} from '../workloads/generate.mjs'
import {check} from '../lib/check.mjs'

export const id = 'memory'
export const title = 'Memory (one step printing 200 MB)'

const BYTES = 200 * 1024 * 1024

// Measure the figure; RSS in MB (MiB) from GNU time, one run each.
export async function measure(ctx) {
  const notes = []
  const rss = {}
  rss.floor = peakRss(['bash', '-c', `${bigOutputCommand(BYTES)} >/dev/null`])
  rss.node = peakRss([ctx.node, '-e', '0'])
  // cram holds the whole output (and writes it to FILE.err, since no output is expected): run in a temp dir.
  const tmp = mkdtempSync(path.join(ctx.work, 'mem-'))
  try {
    writeFileSync(path.join(tmp, 'flood.t'), `  $ ${bigOutputCommand(BYTES)}\n`)
    rss.cram = peakRss(['cram3', '-q', '--shell=/bin/bash', 'flood.t'], {cwd: tmp})
    notes.push(`cram3 keeps all output and exits ${rss.cram.exitCode} (no expected output): ${rss.cram.elapsedS.toFixed(1)} s`)
  } finally {
    rmSync(tmp, {recursive: true, force: true})
  }
  rss.txm = peakRss([ctx.node, ctx.txmJs, '--jobs', '1', ctx.workloads.memoryTxm], {cwd: ctx.work})
  notes.push(`txm exits ${rss.txm.exitCode}: child_process.exec stops at its 1 MB maxBuffer, so txm cannot run this step`)
  rss.runbook = peakRss([ctx.node, ctx.cli, 'run', ctx.workloads.memory, '--reporter', 'plain'], {cwd: ctx.work, timeoutMs: 300_000})
  const working = rss.runbook.exitCode === 0
  if (!working) notes.push(`runbook not measured: exit ${rss.runbook.exitCode}: ${rss.runbook.stderrTail}`)
  else notes.push(`runbook run took ${rss.runbook.elapsedS.toFixed(1)} s`)
  const mb = (r) => (r ? Math.round(r.maxRssMB * 10) / 10 : null)
  return {
    rss: Object.fromEntries(Object.entries(rss).map(([k, v]) => [k, {maxRssMB: mb(v), exitCode: v.exitCode, elapsedS: Math.round(v.elapsedS * 100) / 100}])),
    notes,
    checks: [
      check({label: 'peak RSS', unit: 'MB', ours: working ? mb(rss.runbook) : null, peer: mb(rss.cram), peerName: 'cram3',
        target: {on: 'value', max: 150}, targetText: '≤ 150 MB'}),
      check({label: 'peak RSS vs node -e 0', unit: 'MB', ours: working ? mb(rss.runbook) : null, peer: mb(rss.node), peerName: 'node -e 0', note: 'info'}),
    ],
  }
}
