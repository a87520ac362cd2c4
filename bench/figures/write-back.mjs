// Write-back: render outputs into a 5 MB, 2,000-step runbook and write it atomically.
import {spawnSync} from 'node:child_process'
import {readFileSync, writeFileSync, mkdtempSync, rmSync} from 'node:fs'
import path from 'node:path'
import {check} from '../lib/check.mjs'

export const id = 'write-back'
export const title = 'Write-back (5 MB runbook, 2,000 steps)'

// The floor: read the file and write it back, no rendering.
function ioFloorMs(file, work) {
  const dir = mkdtempSync(path.join(work, 'wb-'))
  try {
    const times = []
    for (let i = 0; i < 5; i++) {
      const start = process.hrtime.bigint()
      writeFileSync(path.join(dir, 'copy.md'), readFileSync(file, 'utf8'))
      times.push(Number(process.hrtime.bigint() - start) / 1e6)
    }
    return times.sort((a, b) => a - b)[2]
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

// Measure the figure: medians of renderWriteBack + writeFileAtomic on a prepared result (ms).
export async function measure(ctx) {
  const notes = []
  const script = path.join(ctx.root, 'bench/writeback-time.mjs')
  const r = spawnSync(process.execPath, [script, ctx.workloads.writeBack, ctx.quick ? '3' : '7'], {encoding: 'utf8', timeout: 600_000, maxBuffer: 16 << 20})
  let data
  try {
    data = JSON.parse(r.stdout.trim().split('\n').pop())
  } catch {
    if (!data) notes.push(`write-back not measured: ${r.error?.code === 'ETIMEDOUT' ? 'timed out after 600 s (parsing the 5 MB file)' : ''}${(r.stderr || r.stdout).trim().split('\n').filter(Boolean).slice(-1)[0]?.slice(0, 200) ?? `exit ${r.status}`}`)
  }
  const floor = ioFloorMs(ctx.workloads.writeBack, ctx.work)
  let total = null
  if (data) {
    const working = data.steps === 2000 && data.regions === 2000
    if (!working) notes.push(`write-back not measured: ${data.steps} steps parsed, ${data.regions} output regions rendered (expected 2000 and 2000)`)
    if (data.writeError) notes.push(`writeFileAtomic failed: ${data.writeError}`)
    if (data.rerunError) notes.push(`re-run render: ${data.rerunError}`)
    else if (working && data.rerunRegions !== 2000) notes.push(`re-run rendered ${data.rerunRegions} regions (expected 2000: replaced, not added)`)
    notes.push(`parse ${Math.round(data.parseMs)} ms (not counted), render ${Math.round(data.renderMs)} ms (median of ${data.renderRuns || 1}), atomic write ${data.writeMs == null ? '?' : Math.round(data.writeMs)} ms, re-run render ${data.rerunRenderMs == null ? '?' : Math.round(data.rerunRenderMs)} ms`)
    if (working && data.writeMs != null) total = data.renderMs + data.writeMs
  }
  return {
    data: data ?? null,
    ioFloorMs: floor,
    notes,
    checks: [
      check({label: 'render + atomic write', unit: 's', ours: total == null ? null : total / 1000, peer: floor / 1000, peerName: 'read+write 5 MB',
        target: {on: 'value', max: 0.3}, targetText: '≤ 0.3 s'}),
      check({label: 're-run render (replace 2,000 regions)', unit: 's', ours: data?.rerunRenderMs == null || total == null ? null : data.rerunRenderMs / 1000, note: 'info'}),
    ],
  }
}
