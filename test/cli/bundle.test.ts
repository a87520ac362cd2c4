// The CLI is an esbuild bundle (scripts/bundle.mjs, issue 17): a launcher, one CommonJS file run
// with a V8 code cache, undici in a file of its own. Each command must run only its own code, the
// cache must be used, refused or skipped without changing anything, and stack traces must still
// point at lib/ under --debug.
import t, {type Test} from 'tap'
import {chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import {SourceMap} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {binPath, runCli} from '../helpers/cli.js'
import {runbookDir} from '../helpers/run.js'
import {wrapperStart} from '../../lib/cli/code-cache.js'

const binDir = path.dirname(binPath)
const fence = '```'
const bundleFiles = readdirSync(binDir).filter((n) => /\.(js|cjs)$/.test(n) && existsSync(path.join(binDir, `${n}.map`)))
// The CLI file this launcher loads (the folder may still hold the previous build's, see bundle.mjs).
const cliFile = /cli-\w+\.cjs/.exec(readFileSync(binPath, 'utf8'))![0]

// The source files (lib/…, node_modules/<package>/…) each built file holds, from its source map.
const sourcesOf = new Map<string, string[]>()
for (const name of bundleFiles) {
  const map = JSON.parse(readFileSync(path.join(binDir, `${name}.map`), 'utf8')) as {sources: string[]}
  sourcesOf.set(name, map.sources.map(relativeSource))
}

function relativeSource(source: string): string {
  return path.relative(binDir, path.resolve(binDir, source)).replace(/^(\.\.\/)+/, '')
}

// The source file of every function that ran at least once, from the script's V8 coverage.
function functionsThatRan(name: string, functions: Array<{ranges: Array<{startOffset: number; count: number}>}>): string[] {
  const text = readFileSync(path.join(binDir, name), 'utf8')
  const map = new SourceMap(JSON.parse(readFileSync(path.join(binDir, `${name}.map`), 'utf8')))
  const lineStarts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1)
  // The launcher runs the CLI file inside the CommonJS wrapper text (lib/cli/code-cache.ts).
  const shift = name === cliFile ? wrapperStart.length : 0
  const sources = new Set<string>()
  for (const fn of functions) {
    const range = fn.ranges[0]!
    if (range.count === 0) continue
    const offset = range.startOffset - shift
    let line = lineStarts.length - 1
    while (lineStarts[line]! > offset) line -= 1
    // A function that starts in code esbuild wrote (the wrapper of a bundled CommonJS module) has
    // no mapping of its own, and the nearest one before it belongs to the code before it: take the
    // first mapping inside the function instead.
    const column = offset - lineStarts[line]!
    let entry = map.findEntry(line, column) as {originalSource?: string; generatedLine?: number; generatedColumn?: number}
    for (let ahead = 1; (entry.generatedLine! < line || (entry.generatedLine === line && entry.generatedColumn! < column)) && ahead < 200; ahead++) {
      entry = map.findEntry(line, column + ahead) as typeof entry
    }
    if (entry.originalSource) sources.add(relativeSource(entry.originalSource))
  }
  return [...sources]
}

// Run the CLI under V8 coverage: the built files it loaded, and the sources whose functions ran.
async function ranSources(t: Test, args: string[], env: Record<string, string> = {}): Promise<{code: number | null; files: string[]; sources: string[]; loaded: string[]; stderr: string}> {
  const coverage = path.join(t.testdir(), 'coverage')
  // An empty cache folder: the CLI file is compiled from its source, as on a first start.
  const cacheHome = path.join(t.testdir(), 'cache')
  const result = await runCli(args, {env: {NODE_V8_COVERAGE: coverage, XDG_CACHE_HOME: cacheHome, ...env}})
  const files: string[] = []
  const sources: string[] = []
  const loaded: string[] = []
  for (const report of readdirSync(coverage)) {
    const data = JSON.parse(readFileSync(path.join(coverage, report), 'utf8')) as {result: Array<{url: string; functions: Array<{ranges: Array<{startOffset: number; count: number}>}>}>}
    for (const script of data.result) {
      if (!script.url.startsWith('file:')) continue
      const file = fileURLToPath(script.url)
      loaded.push(file)
      if (path.dirname(file) !== binDir || !sourcesOf.has(path.basename(file))) continue
      files.push(path.basename(file))
      sources.push(...functionsThatRan(path.basename(file), script.functions))
    }
  }
  t.ok(files.includes('runbook.js'), 'the launcher was loaded')
  return {code: result.code, files, sources, loaded, stderr: result.stderr}
}

const loads = (sources: string[], prefix: string) => sources.some((s) => s.startsWith(prefix))

t.test('every built file has a source map whose sources are files of this repository', async (t) => {
  t.ok(cliFile, 'the CLI file')
  t.ok(sourcesOf.has('runbook.js') && sourcesOf.has('worker.js'), 'the launcher and the lint worker')
  t.ok([...sourcesOf.keys()].some((n) => /^undici-\w+\.cjs$/.test(n)), 'the undici file')
  const all = [...sourcesOf.values()].flat()
  t.ok(all.includes('lib/cli/main.ts') && all.includes('bin/runbook.cts'), 'lib/ and bin/ files are named')
  t.same(all.filter((s) => !/^(lib|bin|node_modules)\//.test(s)), [], 'nothing else')
})

t.test('the CLI file has no import() left: it runs as a vm.Script, which has no loader for one', async (t) => {
  const text = readFileSync(path.join(binDir, cliFile), 'utf8')
  t.same(text.match(/\bimport\(\s*["'`][^"'`]*["'`]\s*\)/g) ?? [], [], 'every lazily loaded module is bundled or required')
})

t.test('--version loads neither the parser, nor the executor, nor any dependency', async (t) => {
  const {code, files} = await ranSources(t, ['--version'])
  t.equal(code, 0)
  t.same(files, ['runbook.js'], 'the launcher answers alone: no CLI file, no undici')
})

t.test('list runs the parser, not the executor, execa, undici or the linter', async (t) => {
  const book = runbookDir(`# L\n\n${fence}bash {#a}\necho a\n${fence}\n`)
  t.teardown(book.cleanup)
  const {code, files, sources, loaded} = await ranSources(t, ['list', book.file])
  t.equal(code, 0)
  t.ok(files.includes(cliFile), 'the CLI file')
  t.ok(loads(sources, 'lib/parse/validators.cjs'), 'the generated validators judged the annotation')
  t.same(loaded.filter((file) => !file.startsWith(binDir + path.sep) || path.extname(file) === '.json'), [], 'from inside the CLI file: no module of dist/lib/ or node_modules/ was read')
  t.notOk(files.some((f) => f.startsWith('undici-')), 'not the undici file')
  t.ok(loads(sources, 'lib/parse/'), 'the parser')
  t.ok(loads(sources, 'node_modules/micromark-extension-gfm'), 'GFM syntax')
  t.notOk(loads(sources, 'node_modules/mdast-util-to-markdown/'), 'not the Markdown writer of remark-gfm')
  for (const prefix of ['lib/run/', 'lib/lint/', 'lib/report/', 'node_modules/execa/', 'node_modules/undici/']) t.notOk(loads(sources, prefix), `not ${prefix}`)
})

t.test('list loads neither node:crypto nor node:fs/promises, for a small document or a big one', async (t) => {
  const small = runbookDir(`# L\n\n${fence}bash {#a}\necho a\n${fence}\n`)
  const big = runbookDir(`# B\n\n${Array.from({length: 200}, (_, i) => `${fence}bash {#s${i}}\necho ${i}\n${fence}\n`).join('\n')}`)
  t.teardown(() => (small.cleanup(), big.cleanup()))
  const dir = t.testdir({
    // A CommonJS preload: an ES module one would start Node's ES module loader, which loads more.
    'record.cjs': "process.on('exit', () => require('node:fs').writeFileSync(process.env.BUILTINS_FILE, process.moduleLoadList.join('\\n')))",
  })
  for (const book of [small, big]) {
    const builtins = path.join(dir, 'builtins.txt')
    const env = {NODE_OPTIONS: `--require=${path.join(dir, 'record.cjs')}`, BUILTINS_FILE: builtins, XDG_CACHE_HOME: path.join(dir, 'cache')}
    // The first run parses and stores the tree, the second reads it back: neither needs a hash from node:crypto.
    for (const pass of ['first', 'second']) {
      const listed = await runCli(['list', book.file], {env})
      t.equal(listed.code, 0, listed.stderr)
      const loaded = readFileSync(builtins, 'utf8').split('\n')
      t.ok(loaded.includes('NativeModule vm'), 'the list of built-in modules was recorded')
      t.notOk(loaded.includes('NativeModule crypto'), `${pass} run: no node:crypto`)
      t.notOk(loaded.includes('NativeModule fs/promises') || loaded.includes('NativeModule internal/fs/promises'), `${pass} run: no node:fs/promises`)
    }
  }
})

t.test('a shell-only run does not load undici; a run with an http step does', async (t) => {
  const shell = runbookDir(`# S\n\n${fence}bash {#a}\necho a\n${fence}\n`)
  t.teardown(shell.cleanup)
  const plain = await ranSources(t, ['run', shell.file])
  t.equal(plain.code, 0)
  t.ok(loads(plain.sources, 'lib/run/'), 'the executor')
  t.notOk(plain.files.some((f) => f.startsWith('undici-')), 'no undici file')
  // Nor the code of other commands and reporters: the linter (its rules, file walk, globs and
  // formatters, picomatch and ignore), the HTML page, the many-files runner.
  // Two small modules are set up (their top level runs) because the run path imports them: the
  // glob helper, whose picomatch loads on its first call, and the lazy door to the HTML page.
  const doors = ['lib/lint/glob.ts', 'lib/report/html/lazy.ts']
  const others = plain.sources.filter((s) => !doors.includes(s))
  for (const prefix of ['lib/lint/', 'node_modules/picomatch/', 'node_modules/ignore/', 'lib/report/html/', 'lib/report/many/', 'lib/cli/run-many']) {
    t.notOk(loads(others, prefix), `not ${prefix}`)
  }
  const http = runbookDir(`# H\n\n${fence}http {#h}\nGET http://127.0.0.1:9/\n${fence}\n`)
  t.teardown(http.cleanup)
  const withHttp = await ranSources(t, ['run', http.file])
  t.equal(withHttp.code, 1, 'the request fails: nothing listens on port 9')
  t.ok(withHttp.files.some((f) => f.startsWith('undici-')), 'the undici file')
  t.ok(loads(withHttp.sources, 'node_modules/undici/'), 'undici ran')
})

t.test('the HTML reporter, a glob artifact and many files load their code when asked for', async (t) => {
  const book = runbookDir(`# A\n\n${fence}bash {#make artifacts="out/*.txt"}\nmkdir -p out && echo hi > out/a.txt\n${fence}\n`)
  t.teardown(book.cleanup)
  const report = path.join(book.dir, 'report.html')
  const {code, sources, stderr} = await ranSources(t, ['run', book.file, '--reporter', `html=${report}`])
  t.equal(code, 0)
  t.notMatch(stderr, /matched no file/, 'the artifact glob matched')
  t.ok(loads(sources, 'lib/lint/glob.ts'), 'the glob helper')
  t.ok(loads(sources, 'lib/report/html/render'), 'the HTML renderer')
  t.match(readFileSync(report, 'utf8'), /<html[\s\S]*make/, 'the page names the step')
  const many = await ranSources(t, ['run', book.dir])
  t.equal(many.code, 0)
  t.ok(loads(many.sources, 'lib/cli/run-many'), 'the many-files runner')
  t.ok(loads(many.sources, 'lib/lint/walk'), 'the file walk')
})

t.test('an internal error under --debug shows a stack that points at lib/', async (t) => {
  const book = runbookDir(`# P\n\n${fence}bash {#a}\necho a\n${fence}\n`)
  t.teardown(book.cleanup)
  // A fault where no error is expected: writing the plan to stdout throws.
  const fault = 'data:text/javascript,' + encodeURIComponent(
    "const write = process.stdout.write.bind(process.stdout); process.stdout.write = (chunk, ...rest) => { if (String(chunk) !== '') throw new Error('stdout is on fire'); return write(chunk, ...rest) }",
  )
  const debug = await runCli(['plan', book.file, '--debug'], {env: {NODE_OPTIONS: `--import=${fault}`}})
  t.equal(debug.code, 3)
  t.match(debug.stderr, /internal error: stdout is on fire/)
  t.match(debug.stderr, /\n\s+at .*lib\/cli\/commands\/plan\.ts:\d+:\d+/, 'the frame of the plan command, mapped to its source')
  t.match(debug.stderr, /\n\s+at .*lib\/cli\/main\.ts:\d+:\d+/, 'the frame of main')
  const plain = await runCli(['plan', book.file], {env: {NODE_OPTIONS: `--import=${fault}`}})
  t.equal(plain.code, 3)
  t.notMatch(plain.stderr, /\n\s+at /, 'no stack without --debug')
})

t.test('a command keeps its code cache in the OS cache folder, reuses it, and replaces a bad one', async (t) => {
  const book = runbookDir(`# C\n\n${fence}bash {#a}\necho a\n${fence}\n`)
  t.teardown(book.cleanup)
  const cacheHome = t.testdir()
  const env = {XDG_CACHE_HOME: cacheHome}
  const cacheDir = path.join(cacheHome, 'runbook', 'v8-code-cache')
  const hash = cliFile.slice('cli-'.length, -'.cjs'.length)
  // Caches of other builds of the same command on the same Node (other checkouts or installed
  // versions): one unused for two days goes when this build writes its own, a recent one stays.
  mkdirSync(cacheDir, {recursive: true})
  const stale = path.join(cacheDir, `list-${process.version}-${process.arch}-OLDBUILD.bin`)
  const recent = path.join(cacheDir, `list-${process.version}-${process.arch}-OTHERBUILD.bin`)
  writeFileSync(stale, 'old')
  writeFileSync(recent, 'other')
  const twoDaysAgo = (Date.now() - 2 * 24 * 60 * 60 * 1000) / 1000
  utimesSync(stale, twoDaysAgo, twoDaysAgo)
  const first = await runCli(['list', book.file], {env})
  t.equal(first.code, 0)
  const cacheFile = path.join(cacheDir, `list-${process.version}-${process.arch}-${hash}.bin`)
  t.ok(existsSync(cacheFile), 'the first run wrote the cache of `list`')
  t.notOk(existsSync(stale), 'the stale cache of another build is gone')
  t.ok(existsSync(recent), 'the recent cache of another build stays')
  rmSync(recent)
  t.same(readdirSync(cacheDir).filter((n) => n.endsWith('.tmp')), [], 'no temporary file left')
  const written = statSync(cacheFile)
  const second = await runCli(['list', book.file], {env})
  t.same([second.code, second.stdout, second.stderr], [first.code, first.stdout, first.stderr], 'same output from the cache')
  const after = statSync(cacheFile)
  t.same([after.ino, after.mtimeMs], [written.ino, written.mtimeMs], 'V8 accepted the cache: it was not rewritten')
  // Garbage in the cache file: V8 refuses it, the command runs as before and the file is replaced.
  writeFileSync(cacheFile, Buffer.alloc(4096, 7))
  const third = await runCli(['list', book.file], {env})
  t.same([third.code, third.stdout, third.stderr], [first.code, first.stdout, first.stderr], 'same output with a refused cache')
  t.not(readFileSync(cacheFile).subarray(0, 64).toString('hex'), Buffer.alloc(64, 7).toString('hex'), 'the refused cache was replaced')
  // Each command has its own cache: a run keeps the code it compiled, not the code of `list`.
  const run = await runCli(['run', book.file], {env})
  t.equal(run.code, 0)
  t.ok(existsSync(path.join(cacheDir, `run-${process.version}-${process.arch}-${hash}.bin`)), 'the cache of `run`')
  // An unknown command, --help, a command's --help or a usage error writes nothing: such a cache
  // would hold little of the command's code, and a usable cache is never replaced.
  await runCli(['nosuchcommand'], {env})
  await runCli(['--help'], {env})
  t.equal((await runCli(['plan', '--help'], {env})).code, 0)
  t.equal((await runCli(['plan', path.join(book.dir, 'missing.md')], {env})).code, 2)
  t.same(readdirSync(cacheDir).sort(), [path.basename(cacheFile), `run-${process.version}-${process.arch}-${hash}.bin`], 'no other cache file')
})

t.test('a cache folder that cannot be written changes nothing', async (t) => {
  const book = runbookDir(`# R\n\n${fence}bash {#a}\necho a\n${fence}\n`)
  t.teardown(book.cleanup)
  // The cache home is a regular file: nothing can be created below it (even by root).
  const blocked = path.join(t.testdir(), 'not-a-folder')
  writeFileSync(blocked, '')
  const reference = await runCli(['list', book.file])
  const listed = await runCli(['list', book.file], {env: {XDG_CACHE_HOME: blocked}})
  t.same([listed.code, listed.stdout, listed.stderr], [reference.code, reference.stdout, reference.stderr])
  const ran = await runCli(['run', book.file], {env: {XDG_CACHE_HOME: blocked}})
  t.equal(ran.code, 0)
  t.equal(ran.stderr, '')
  t.equal(readFileSync(blocked, 'utf8'), '', 'the file is untouched')
})

t.test('a cache folder that others could write is neither read nor written', async (t) => {
  const book = runbookDir(`# O\n\n${fence}bash {#a}\necho a\n${fence}\n`)
  t.teardown(book.cleanup)
  const cacheHome = t.testdir()
  const cacheDir = path.join(cacheHome, 'runbook', 'v8-code-cache')
  mkdirSync(cacheDir, {recursive: true})
  chmodSync(cacheDir, 0o777)
  const reference = await runCli(['list', book.file])
  const listed = await runCli(['list', book.file], {env: {XDG_CACHE_HOME: cacheHome}})
  t.same([listed.code, listed.stdout, listed.stderr], [reference.code, reference.stdout, reference.stderr])
  t.same(readdirSync(cacheDir), [], 'no cache written where others could plant one')
})
