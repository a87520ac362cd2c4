// Diagnostic: what one step costs by process strategy (bench/spawn-cost.mjs), to show the headroom
// of a long-lived shell session over a fresh spawn per step. Info only: no target.
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {check} from '../lib/check.mjs'

export const id = 'spawn-cost'
export const title = 'Diagnostic: one step by process strategy (ms per `echo hello`)'

// Run bench/spawn-cost.mjs and turn its lines into info rows (ms per step).
export async function measure(ctx) {
  const r = spawnSync(process.execPath, [path.join(ctx.root, 'bench/spawn-cost.mjs'), ctx.quick ? '50' : '200'], {cwd: ctx.root, encoding: 'utf8', timeout: 180_000})
  const rows = [...String(r.stdout).matchAll(/^\s*([\d.]+) ms\/step\s+(.+)$/gm)].map((m) => ({name: m[2], ms: Number(m[1])}))
  const ms = (prefix) => rows.find((x) => x.name.startsWith(prefix))?.ms ?? null
  const notes = r.status === 0 ? [] : [`failed: ${String(r.stderr).trim().split('\n').pop()}`]
  return {
    rows,
    notes,
    checks: [
      check({label: 'execa bash -c (today\'s design)', unit: 'ms', ours: ms('execa'), peer: ms('child_process'), peerName: 'child_process.spawn', note: 'info'}),
      check({label: 'long-lived bash, fork per step', unit: 'ms', ours: ms('long-lived'), peer: ms('child_process'), peerName: 'child_process.spawn', note: 'info'}),
    ],
  }
}
