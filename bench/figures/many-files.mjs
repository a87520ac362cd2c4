// Many files: this repository's docs/ and examples/ as one `runbook run --jobs 2`, against the same
// files run one at a time by a shell loop (what a CI script did before many-file runs).
import {spawnSync} from 'node:child_process'
import {readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {hyperfine} from '../lib/hyperfine.mjs'
import {check} from '../lib/check.mjs'

export const id = 'many-files'
export const title = 'Many files (docs/ + examples/, --jobs 2 vs a shell loop)'

// The per-file exit codes of one many-file run, from its json file:end events.
function fileCodes(ctx, args) {
  const events = path.join(tmpdir(), `runbook-bench-many-${process.pid}.jsonl`)
  spawnSync(ctx.node, [ctx.cli, 'run', 'docs', 'examples', ...args, '--reporter', 'plain', '--reporter', `json=${events}`], {cwd: ctx.root, stdio: 'ignore', timeout: 600_000})
  const codes = new Map()
  for (const line of readFileSync(events, 'utf8').split('\n')) {
    if (!line) continue
    const event = JSON.parse(line)
    if (event.type === 'file:end') codes.set(event.file, event.exitCode)
  }
  rmSync(events, {force: true})
  return codes
}

// Measure the figure; times are hyperfine medians in seconds.
export async function measure(ctx) {
  const notes = []
  // --yes: the examples' confirm steps would otherwise fail fast in both modes alike; some
  // examples still stop for missing inputs, which costs the same in both.
  const codes = fileCodes(ctx, ['--jobs', '2', '--yes'])
  const files = [...codes.keys()].sort()
  const loop = files.map((file) => `${ctx.node} ${ctx.cli} run ${file} --yes --reporter plain >/dev/null 2>&1`).join('; ')
  // Checked first: one at a time, each file ends with the same exit code as in the parallel run.
  const single = files.map((file) => [file, spawnSync(ctx.node, [ctx.cli, 'run', file, '--yes', '--reporter', 'plain'], {cwd: ctx.root, stdio: 'ignore', timeout: 600_000}).status])
  const differ = single.filter(([file, code]) => codes.get(file) !== code)
  notes.push(`${files.length} files with steps; exit codes ${JSON.stringify(Object.fromEntries(codes))}`)
  if (differ.length) notes.push(`exit codes differ between modes for ${differ.map(([f]) => f).join(', ')}`)
  const runs = ctx.quick ? 1 : 2
  const times = hyperfine(
    [
      {name: 'runbook --jobs 2', command: `${ctx.node} ${ctx.cli} run docs examples --jobs 2 --yes --reporter plain`},
      {name: 'shell loop', command: `bash -c '${loop}; true'`},
    ],
    {warmup: 0, runs, cwd: ctx.root, ignoreFailure: true},
  )
  const s = (name) => times[name]?.median ?? null
  return {
    times,
    notes,
    checks: [
      check({label: 'wall time', unit: 's', ours: s('runbook --jobs 2'), peer: s('shell loop'), peerName: 'one file at a time in a shell loop',
        target: {on: 'ratio', max: 0.6}, targetText: '≤ 0.6× the loop'}),
      check({label: 'CPU time', unit: 's', ours: times['runbook --jobs 2']?.cpu ?? null, peer: times['shell loop']?.cpu ?? null, peerName: 'shell loop', note: 'info'}),
    ],
  }
}

