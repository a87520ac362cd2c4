// `npm run bench`: measure runbook beside its peers on this machine and print every figure.
// Options: --only ID,… (per-step, cold-start, fan-out, ssh-fan-out, lint, memory, write-back, spawn-cost,
//          many-files), --quick (fewer runs), --no-build (measure dist/ as it is), --no-setup (do not
//          install missing peers), --node MAJOR,… (other Node majors for the start-up and per-step
//          figures, default 24, `none` for the machine's Node only: installed by .ci/node-install.sh).
// Writes bench/.work/results.json and bench/.work/results.md.
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {generateWorkloads} from './workloads/generate.mjs'
import {describeMachine} from './lib/machine.mjs'
import {renderText, renderMarkdown} from './lib/format.mjs'
import {round} from './lib/check.mjs'
import * as perStep from './figures/per-step.mjs'
import * as coldStart from './figures/cold-start.mjs'
import * as fanOut from './figures/fan-out.mjs'
import * as lint from './figures/lint.mjs'
import * as memory from './figures/memory.mjs'
import * as writeBack from './figures/write-back.mjs'
import * as spawnCost from './figures/spawn-cost.mjs'
import * as manyFiles from './figures/many-files.mjs'
import * as sshFanOut from './figures/ssh-fan-out.mjs'

const figures = [perStep, coldStart, fanOut, sshFanOut, lint, memory, writeBack, spawnCost, manyFiles]
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const work = path.join(root, 'bench/.work')
const {values} = parseArgs({options: {
  only: {type: 'string'},
  quick: {type: 'boolean'},
  'no-build': {type: 'boolean'},
  'no-setup': {type: 'boolean'},
  node: {type: 'string', default: '24'},
}})
const log = (text) => process.stderr.write(`bench: ${text}\n`)

const needsSetup = !existsSync(path.join(work, 'node_modules/txm/src/cli.js')) ||
  !existsSync(path.join(work, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs')) ||
  spawnSync('sh', ['-c', 'command -v cram3 && command -v hyperfine && test -x /usr/bin/time']).status !== 0
if (needsSetup) {
  if (values['no-setup']) throw new Error('peers missing: run bench/setup.sh')
  log('installing peers (bench/setup.sh)')
  execFileSync('bash', [path.join(root, 'bench/setup.sh')], {stdio: 'inherit'})
}
if (!values['no-build']) {
  log('building (npm run build: tsc, the schema validators, the CLI bundle)')
  // The figures check that the features work; a failed build shows up there as "not measured".
  spawnSync('npm', ['run', 'build'], {stdio: 'ignore', cwd: root})
}
// Other Node majors: each start-up and per-step figure is measured again with that Node.
const otherNodes = values.node === 'none' ? [] : values.node.split(',').map((major) => {
  const bin = execFileSync('bash', [path.join(root, '.ci/node-install.sh'), major.trim()], {encoding: 'utf8'}).trim()
  const node = path.join(bin, 'node')
  return {major: major.trim(), node, version: execFileSync(node, ['--version'], {encoding: 'utf8'}).trim()}
})

mkdirSync(work, {recursive: true})
const ctx = {
  root,
  work,
  quick: values.quick ?? false,
  node: process.execPath,
  cli: path.join(root, 'dist/bin/runbook.js'),
  bin: path.join(root, 'dist/bin/runbook'), // the command (package.json `bin`), run with commandEnv(ctx)
  corpus: path.resolve(root, '../shared/corpus'),
  txmJs: path.join(work, 'node_modules/txm/src/cli.js'),
  workloads: generateWorkloads(path.join(work, 'workloads')),
}
ctx.txm = `${ctx.node} ${ctx.txmJs}`
ctx.mdl = `node ${path.join(work, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs')}`

const only = values.only?.split(',').map((s) => s.trim())
const selected = only ? figures.filter((f) => only.includes(f.id)) : figures
const machine = describeMachine(work)
log(`${machine.nproc} × ${machine.cpuModel}, Node ${machine.node}, load ${machine.loadAvg.join(' ')}`)

// Each figure on the machine's Node, then each per-Node figure on the other majors (id `per-step@node24`).
const passes = selected.map((figure) => ({figure, ctx, id: figure.id, title: figure.title}))
for (const other of otherNodes) {
  for (const figure of selected.filter((f) => f.perNode)) {
    const nodeCtx = {...ctx, node: other.node, txm: `${other.node} ${ctx.txmJs}`}
    passes.push({figure, ctx: nodeCtx, id: `${figure.id}@node${other.major}`, title: `${figure.title} — Node ${other.version}`})
  }
}
for (const pass of passes.filter((p) => p.ctx === ctx && p.figure.perNode)) pass.title = `${pass.figure.title} — Node ${process.version}`

const results = []
const started = Date.now()
for (const pass of passes) {
  log(`measuring ${pass.id} …`)
  const t0 = Date.now()
  const load = os.loadavg()[0]
  let result
  try {
    result = await pass.figure.measure(pass.ctx)
  } catch (error) {
    result = {checks: [], notes: [`failed: ${error.message}`]}
  }
  const loadAvg = [load, os.loadavg()[0]].map((x) => Math.round(x * 10) / 10)
  result.notes = [...(result.notes ?? []), `load average ${loadAvg[0]} → ${loadAvg[1]} on ${machine.nproc} CPUs while measuring`]
  results.push({id: pass.id, title: pass.title, node: pass.ctx.node === process.execPath ? process.version : otherNodes.find((o) => o.node === pass.ctx.node)?.version,
    measuredAt: new Date().toISOString(), seconds: Math.round((Date.now() - t0) / 100) / 10, loadAvg, ...result})
  process.stdout.write(renderText([results.at(-1)]))
}

const roundChecks = (f) => ({...f, checks: f.checks.map((c) => ({...c, ours: round(c.ours, 4), peer: round(c.peer, 4), ratio: round(c.ratio, 3)}))})
// With --only, the other figures of the previous results.json are kept (each says when it was measured).
const resultsFile = path.join(work, 'results.json')
let previous = []
if (only && existsSync(resultsFile)) {
  try {
    previous = JSON.parse(readFileSync(resultsFile, 'utf8')).figures ?? []
  } catch {}
}
const fresh = results.map(roundChecks)
const ids = [...new Set([...passes.map((p) => p.id), ...previous.map((x) => x.id)])]
const merged = ids.map((id) => fresh.find((x) => x.id === id) ?? previous.find((x) => x.id === id)).filter(Boolean)
const out = {date: new Date().toISOString(), durationS: Math.round((Date.now() - started) / 1000), machine: {...machine, loadAvgAfter: describeMachine(work).loadAvg}, figures: merged}
writeFileSync(resultsFile, JSON.stringify(out, null, 2) + '\n')
writeFileSync(path.join(work, 'results.md'), renderMarkdown(merged))
const all = results.flatMap((f) => f.checks).filter((c) => c.target)
const met = all.filter((c) => c.met === true).length
const missed = all.filter((c) => c.met === false).length
process.stdout.write(`\n${met} of ${all.length} targets met, ${missed} missed, ${all.length - met - missed} not measurable yet · ${out.durationS} s · bench/.work/results.json\n`)
