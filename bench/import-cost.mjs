// What importing each dependency and each built module costs at start-up (cold start budget).
// Usage: node bench/import-cost.mjs  → median ms of a fresh `import()` of each, beside `node -e 0`.
import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const runs = Number(process.argv[2] ?? 5)
const deps = ['unified', 'remark-parse', 'remark-gfm', 'mdast-util-to-string', 'execa', 'undici', 'ajv', 'yaml']
const ours = ['cli/main.js', 'parse/index.js', 'run/index.js', 'http/index.js', 'assert/index.js', 'writeback/index.js',
  'evidence/index.js', 'report/index.js', 'redact/index.js', 'lint/index.js', 'graph.js', 'plan/index.js']
const probe = 'const t=performance.now();await import(process.argv[1]);process.stdout.write(String(performance.now()-t))'

// Median ms of importing `specifier` in a fresh node process, from inside the project.
function cost(specifier) {
  const xs = []
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe, specifier], {cwd: root, encoding: 'utf8'})
    if (r.status !== 0) return undefined
    xs.push(Number(r.stdout))
  }
  return xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]
}

const rows = []
for (const d of deps) rows.push([d, cost(d)])
for (const m of ours) {
  const file = path.join(root, 'dist/lib', m)
  if (existsSync(file)) rows.push([`dist/lib/${m}`, cost(`file://${file}`)])
}
for (const [name, ms] of rows) process.stdout.write(`${ms === undefined ? '     —' : ms.toFixed(1).padStart(6)} ms  import ${name}\n`)
