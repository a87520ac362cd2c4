// Profile runbook with `node --cpu-prof` and print where the time goes.
// Usage: node bench/profile.mjs [run|lint|version|list] (default: run and lint). Build first (npx tsc -p .).
// Profiles land in bench/.work/profiles/<what>/ (open them in Chrome DevTools for the flame graph).
import {spawnSync} from 'node:child_process'
import {mkdirSync, readdirSync, rmSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {generateWorkloads} from './workloads/generate.mjs'
import {summarise} from './lib/cpuprofile.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const work = path.join(root, 'bench/.work')
const w = generateWorkloads(path.join(work, 'workloads'))
const corpus = path.resolve(root, '../shared/corpus')
const targets = {
  run: ['run', w.perStep200, '--reporter', 'plain'],
  lint: ['lint', corpus],
  version: ['--version'],
  list: ['list', w.list10],
}
const what = process.argv.slice(2).length ? process.argv.slice(2) : ['run', 'lint']
const lintCwd = path.join(work, 'lint-cwd')
mkdirSync(lintCwd, {recursive: true})

for (const name of what) {
  const dir = path.join(work, 'profiles', name)
  rmSync(dir, {recursive: true, force: true})
  mkdirSync(dir, {recursive: true})
  const started = process.hrtime.bigint()
  const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '200', path.join(root, 'dist/bin/runbook.js'), ...targets[name]],
    {cwd: name === 'lint' ? lintCwd : work, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 300_000})
  const wall = Number(process.hrtime.bigint() - started) / 1e6
  process.stdout.write(`\n## runbook ${targets[name].join(' ').replace(root + '/', '')}\nexit ${r.status}, wall ${Math.round(wall)} ms${r.status ? `: ${r.stderr.trim().split('\n')[0]}` : ''}\n`)
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort()) {
    const s = summarise(path.join(dir, file), {root, top: 15})
    process.stdout.write(`\n### ${file} — ${s.totalMs} ms sampled\nself time by file/package:\n`)
    for (const x of s.byPlace) process.stdout.write(`  ${String(x.ms).padStart(8)} ms  ${x.what}\n`)
    process.stdout.write('top functions, self time:\n')
    for (const x of s.topSelf) process.stdout.write(`  ${String(x.ms).padStart(8)} ms  ${x.what}\n`)
    process.stdout.write('top functions, inclusive time:\n')
    for (const x of s.topInclusive) process.stdout.write(`  ${String(x.ms).padStart(8)} ms  ${x.what}\n`)
  }
}
rmSync(lintCwd, {recursive: true, force: true})
