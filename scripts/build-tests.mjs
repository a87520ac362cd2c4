// Transpile the test suite once, so tap does not load the TypeScript compiler in every test file.
// Usage: node scripts/build-tests.mjs  (run by `npm run build:test` and `npm test`, after `npm run build`).
// Each test/**/*.ts becomes dist/test/**/*.js (ESM, with a source map, types stripped, nothing
// bundled): its `../../lib/x.js` imports then load the built dist/lib/x.js. The plain-JS helpers
// (test/**/*.mjs) are copied beside them. Type checking stays with `tsc` on lib/ and bin/.
import {spawnSync} from 'node:child_process'
import {cpSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outDir = path.join(root, 'dist/test')
// Input documents and recorded outputs stay where they are: tests find them from the repository root.
const skip = new Set([path.join(root, 'test/fixtures')])

// Every file under test/ outside the fixtures, as absolute paths.
function walk(dir) {
  if (skip.has(dir)) return []
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    return entry.isDirectory() ? walk(file) : [file]
  })
}

const files = walk(path.join(root, 'test'))
rmSync(outDir, {recursive: true, force: true})
await build({
  entryPoints: files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts')),
  outbase: path.join(root, 'test'),
  outdir: outDir,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
})
for (const file of files.filter((name) => name.endsWith('.mjs'))) {
  cpSync(file, path.join(outDir, path.relative(path.join(root, 'test'), file)))
}

// tap builds its Test class for the plugins package.json lists (the TypeScript one is off), but the
// run that finds the build out of date still starts its test processes with the old plugins'
// loaders: on a fresh clone every test file would load ts-node once more. Build it first here.
const built = readFileSync(fileURLToPath(import.meta.resolve('@tapjs/test/test-built')), 'utf8')
if (built.includes('"@tapjs/typescript/import"')) {
  const rebuilt = spawnSync('npx', ['tap', 'build'], {cwd: root, stdio: 'inherit'})
  if (rebuilt.status !== 0) throw new Error(`tap build failed (exit ${rebuilt.status})`)
}
