// Bundle the CLI for a fast start (issue 17), into dist/bin/:
// - `cli-<hash>.cjs`: lib/cli/bundle-entry.ts and everything it reaches, as ONE CommonJS file. The
//   launcher runs it through vm.Script with a V8 code cache per command (lib/cli/code-cache.ts),
//   which Node 20 offers for scripts but not for ES modules. Code that only some commands run (the
//   linter, the HTML page, the many-files runner) is compiled only when first called: esbuild makes
//   each dynamically imported module a function that runs on first import.
// - `undici-<hash>.cjs`: undici alone (536 KB), required by the CLI file only for an `http` step or
//   a `ready=` URL, so `list` and shell-only runs never read it.
// - `runbook.js`: the launcher (bin/runbook.cts), a CommonJS file of a few kilobytes that answers
//   `--version` by itself and knows the CLI file's name.
// - `runbook`: the command itself (bin/runbook.sh), which starts Node on `runbook.js` with
//   NODE_EXTRA_CA_CERTS moved aside (Node 20 parses it while it starts).
// - `worker.js`: the lint worker thread (lib/lint/worker.ts), a CommonJS file of its own.
// - `package.json`: `{"type": "commonjs"}`, so that Node reads the two `.js` files above as CommonJS.
// tsc type-checks bin/runbook.cts and writes dist/bin/runbook.cjs, which this script removes: only
// this script writes dist/bin/runbook.js, by a rename, so a start during a rebuild finds the previous
// launcher and its CLI file, whole.
// The hashed names mean that a launcher always loads the CLI file it was built with, and a code
// cache is never used for other code (the cache file name holds the same hash).
//
// Everything lands flat in dist/bin/: the modules that find files from their own URL
// (`../../package.json`, `../../schemas/`, `./worker.js`) then resolve the same
// from the bundle as from dist/lib/<dir>/. Source maps point at lib/ and bin/; `--debug` turns them on.
// Usage: node scripts/bundle.mjs [--metafile FILE]   (run after tsc and build-validators.mjs)
import {mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outdir = path.join(root, 'dist/bin')
const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version

const common = {
  absWorkingDir: root,
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20.18',
  minify: true,
  sourcemap: 'linked',
  sourcesContent: false,
  metafile: true,
  write: false,
  legalComments: 'linked',
  logLevel: 'warning',
}
const nameOf = (result, ext) => path.basename(result.outputFiles.find((file) => file.path.endsWith(ext)).path)

const undici = await build({...common, entryPoints: {undici: 'node_modules/undici/index.js'}, format: 'cjs', entryNames: '[name]-[hash]', outExtension: {'.js': '.cjs'}})
const undiciFile = nameOf(undici, '.cjs')

const cli = await build({
  ...common,
  entryPoints: {cli: 'lib/cli/bundle-entry.ts'},
  format: 'cjs',
  entryNames: '[name]-[hash]',
  outExtension: {'.js': '.cjs'},
  // undici stays in its own file, required beside this one on first use.
  plugins: [
    {name: 'undici-file', setup: (b) => b.onResolve({filter: /^undici$/}, () => ({path: `./${undiciFile}`, external: true}))},
    // The generated validators go inside this file (lib/parse/built-validators.ts says why).
    {name: 'built-validators', setup: (b) => b.onLoad({filter: /[\\/]lib[\\/]parse[\\/]built-validators\.ts$/}, () => ({
      contents: `export function builtValidators() { return require(${JSON.stringify(path.join(root, 'dist/lib/parse/validators.cjs'))}) }`,
      loader: 'js',
      resolveDir: root,
    }))},
  ],
  // The modules find files from their own URL: in this file, that is the file's own URL.
  banner: {js: "var __rbImportMetaUrl=require('node:url').pathToFileURL(__filename).href;"},
  // lib/version.ts: the version is part of the bundle, so `--version` reads no file.
  define: {'import.meta.url': '__rbImportMetaUrl', RUNBOOK_VERSION: JSON.stringify(version)},
})
const cliFile = nameOf(cli, '.cjs')

// The launcher and the lint worker are CommonJS too (dist/bin/package.json says so): Node then
// starts without its ES module loader, which cost 5-8 ms of every start.
const entries = await build({
  ...common,
  entryPoints: {runbook: 'bin/runbook.cts', worker: 'lib/lint/worker.ts'},
  format: 'cjs',
  entryNames: '[name]',
  banner: {js: "var __rbImportMetaUrl=require('node:url').pathToFileURL(__filename).href;"},
  define: {'import.meta.url': '__rbImportMetaUrl', RUNBOOK_VERSION: JSON.stringify(version), RUNBOOK_CLI_FILE: JSON.stringify(cliFile)},
})
const result = {outputFiles: [...undici.outputFiles, ...cli.outputFiles, ...entries.outputFiles]}
result.metafile = {inputs: {...undici.metafile.inputs, ...cli.metafile.inputs, ...entries.metafile.inputs}, outputs: {...undici.metafile.outputs, ...cli.metafile.outputs, ...entries.metafile.outputs}}

// Replace the files in place, each by a rename (a process starting meanwhile sees the old file or
// the new one, never none; the launcher last, once the CLI file it names is there), then drop the
// files that neither this build nor the one before wrote: a run started from the previous build
// may still load its CLI file, its undici file or its worker.
const replace = (file, contents) => {
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, contents, {mode: ['runbook', 'runbook.js'].includes(path.basename(file)) ? 0o755 : 0o644})
  renameSync(temp, file)
}
mkdirSync(outdir, {recursive: true})
for (const file of result.outputFiles) replace(file.path, file.contents)
replace(path.join(outdir, 'package.json'), '{"type": "commonjs"}\n')
// The `runbook` command (package.json `bin`): a POSIX shell script that starts Node on runbook.js.
replace(path.join(outdir, 'runbook'), readFileSync(path.join(root, 'bin/runbook.sh')))
const listFile = path.join(outdir, '.bundle-files.json')
const written = result.outputFiles.map((file) => path.basename(file.path))
let previous = []
try {
  previous = JSON.parse(readFileSync(listFile, 'utf8'))
} catch {
  // first build
}
const keep = new Set([...written, ...previous])
for (const name of readdirSync(outdir)) {
  if (/\.(js|js\.map|cjs|cjs\.map|LEGAL\.txt)$/.test(name) && !keep.has(name) && !name.endsWith('.d.ts')) rmSync(path.join(outdir, name), {force: true})
}
replace(listFile, JSON.stringify(written))
const metafile = process.argv.indexOf('--metafile')
if (metafile !== -1) writeFileSync(process.argv[metafile + 1], JSON.stringify(result.metafile))
