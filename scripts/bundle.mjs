// Bundle the CLI for a fast start (issue 17): esbuild turns bin/runbook.ts and everything it reaches
// into dist/bin/, split into chunks at each dynamic `import()`, so that every command loads only its
// own code (`--version` loads a few kilobytes, `list` the parser, `run` the executor, undici only
// for HTTP steps). The library (dist/lib/, the package's `main`) stays tsc's one-file-per-module output.
//
// Everything lands flat in dist/bin/: the modules that find files from their own URL
// (`../../package.json`, `../../schemas/`, `./validators.cjs`, `./worker.js`) then resolve the same
// from a chunk as from dist/lib/<dir>/. Source maps point at lib/ and bin/; `--debug` turns them on.
// Usage: node scripts/bundle.mjs [--metafile FILE]   (run after tsc and build-validators.mjs)
import {mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outdir = path.join(root, 'dist/bin')

const result = await build({
  absWorkingDir: root,
  entryPoints: {runbook: 'bin/runbook.ts', worker: 'lib/lint/worker.ts'},
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.18',
  minify: true,
  sourcemap: 'linked',
  sourcesContent: false,
  metafile: true,
  write: false,
  legalComments: 'linked',
  chunkNames: 'chunk-[hash]',
  entryNames: '[name]',
  // Bundled CommonJS dependencies (cross-spawn, which, …) call `require` for Node's own modules:
  // each chunk gets one, created on its first call (most chunks never call it).
  banner: {js: "import {createRequire as __rbCreateRequire} from 'node:module';let __rbRequire;const require=(id)=>(__rbRequire??=__rbCreateRequire(import.meta.url))(id);"},
  // lib/version.ts: the version is part of the bundle, so `--version` reads no file.
  define: {RUNBOOK_VERSION: JSON.stringify(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version)},
  logLevel: 'warning',
})

// Replace the files in place, each by a rename (a process starting meanwhile sees the old file or
// the new one, never none), then drop the chunks that neither this build nor the one before wrote:
// a run started from the previous build may still load its chunks lazily.
const replace = (file, contents) => {
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, contents, {mode: path.basename(file) === 'runbook.js' ? 0o755 : 0o644})
  renameSync(temp, file)
}
mkdirSync(outdir, {recursive: true})
for (const file of result.outputFiles) replace(file.path, file.contents)
// lib/parse/schema.ts loads the build's standalone validators from beside itself.
replace(path.join(outdir, 'validators.cjs'), readFileSync(path.join(root, 'dist/lib/parse/validators.cjs')))
const listFile = path.join(outdir, '.bundle-files.json')
const written = [...result.outputFiles.map((file) => path.basename(file.path)), 'validators.cjs']
let previous = []
try {
  previous = JSON.parse(readFileSync(listFile, 'utf8'))
} catch {
  // first build
}
const keep = new Set([...written, ...previous])
for (const name of readdirSync(outdir)) {
  if (/\.(js|js\.map|cjs|LEGAL\.txt)$/.test(name) && !keep.has(name) && !name.endsWith('.d.ts')) rmSync(path.join(outdir, name), {force: true})
}
replace(listFile, JSON.stringify(written))
const metafile = process.argv.indexOf('--metafile')
if (metafile !== -1) writeFileSync(process.argv[metafile + 1], JSON.stringify(result.metafile))
