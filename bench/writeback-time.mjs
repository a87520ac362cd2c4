// Times the write-back itself: renderWriteBack on a prepared result of a parsed runbook, then the atomic write.
// Usage: node bench/writeback-time.mjs FILE [RUNS]  → one JSON object on stdout.
// It imports the built library (dist/lib/…) through the seams of docs/architecture.md.
import {copyFileSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {parseRunbook} = await import(path.join(root, 'dist/lib/parse/index.js'))
const {createRedactor} = await import(path.join(root, 'dist/lib/redact/index.js'))
const {renderWriteBack, writeFileAtomic} = await import(path.join(root, 'dist/lib/writeback/index.js'))

const file = path.resolve(process.argv[2])
const runs = Number(process.argv[3] ?? 5)
const source = readFileSync(file, 'utf8')
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

// A result in which every step passed, printing what the step's expectation wants.
function preparedResult(runbook) {
  const at = new Date().toISOString()
  const output = (text) => ({head: text, tail: '', omittedLines: 0, totalBytes: Buffer.byteLength(text), text})
  const steps = runbook.steps.map((step) => {
    const text = step.expectations[0]?.body ?? ''
    return {id: step.id, status: 'passed', exitCode: 0, attempts: 1, startedAt: at, durationMs: 3, stdout: output(text), stderr: output(''),
      expectationFailures: [], checks: [], captures: {}, command: step.code}
  })
  return {runbook: runbook.file, runId: 'bench', ok: true, startedAt: at, finishedAt: at, durationMs: 3 * steps.length, steps, host: 'bench', version: '0.0.0'}
}

const out = {file, bytes: Buffer.byteLength(source)}
let start = process.hrtime.bigint()
const runbook = parseRunbook(source, {file, dir: path.dirname(file)})
out.parseMs = ms(start)
out.steps = runbook.steps.length
const result = preparedResult(runbook)
const redactor = createRedactor([])
const options = {stable: false, outputs: true, update: false, redactor}

start = process.hrtime.bigint()
let text = renderWriteBack(runbook, result, options) // warm-up
out.firstRenderMs = ms(start)
// A slow render (seconds) is timed fewer times, to keep the whole bench within its budget.
const renderRuns = out.firstRenderMs > 10_000 ? 0 : out.firstRenderMs > 2000 ? 1 : runs
const render = renderRuns === 0 ? [out.firstRenderMs] : []
for (let i = 0; i < renderRuns; i++) {
  start = process.hrtime.bigint()
  text = renderWriteBack(runbook, result, options)
  render.push(ms(start))
}
out.renderMs = median(render)
out.renderRuns = renderRuns
out.regions = (text.match(/<!-- runbook:output /g) ?? []).length
out.outBytes = Buffer.byteLength(text)

// The atomic write (temp file, fsync, rename) of the rendered text over a copy of FILE.
const dir = mkdtempSync(path.join(tmpdir(), 'runbook-bench-wb-'))
try {
  const target = path.join(dir, path.basename(file))
  const write = []
  for (let i = 0; i < runs; i++) {
    copyFileSync(file, target)
    start = process.hrtime.bigint()
    await writeFileAtomic(target, text, {original: source})
    write.push(ms(start))
  }
  out.writeMs = median(write)
} catch (error) {
  out.writeError = error.message
} finally {
  rmSync(dir, {recursive: true, force: true})
}

// A re-run: the document already holds 2,000 regions that must be replaced, not duplicated.
// Skipped when parsing is so slow (a loaded machine) that a second parse would blow the budget.
if (out.parseMs > 60_000 || out.firstRenderMs > 10_000) out.rerunError = `skipped: the first parse took ${Math.round(out.parseMs / 1000)} s and the first render ${Math.round(out.firstRenderMs / 1000)} s`
else try {
  const again = parseRunbook(text, {file, dir: path.dirname(file)})
  const rerun = []
  let second = ''
  for (let i = 0; i < Math.max(1, Math.floor(Math.max(renderRuns, 1) / 2)); i++) {
    start = process.hrtime.bigint()
    second = renderWriteBack(again, preparedResult(again), options)
    rerun.push(ms(start))
  }
  out.rerunRenderMs = median(rerun)
  out.rerunRegions = (second.match(/<!-- runbook:output /g) ?? []).length
} catch (error) {
  out.rerunError = error.message
}
process.stdout.write(`${JSON.stringify(out)}\n`)
