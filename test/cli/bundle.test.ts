// The CLI is an esbuild bundle split at each dynamic import (scripts/bundle.mjs, issue 17): each
// command must load only its own code, and stack traces must still point at lib/ under --debug.
import t, {type Test} from 'tap'
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {binPath, runCli} from '../helpers/cli.js'
import {runbookDir} from '../helpers/run.js'

const binDir = path.dirname(binPath)
const preload = fileURLToPath(new URL('../helpers/loaded-modules.mjs', import.meta.url))
const fence = '```'

// The source files (lib/…, node_modules/<package>/…) each built chunk holds, from its source map.
const sourcesOf = new Map<string, string[]>()
for (const name of readdirSync(binDir).filter((n) => n.endsWith('.js.map'))) {
  const map = JSON.parse(readFileSync(path.join(binDir, name), 'utf8')) as {sources: string[]}
  sourcesOf.set(name.slice(0, -'.map'.length), map.sources.map((s) => path.relative(binDir, path.resolve(binDir, s)).replace(/^(\.\.\/)+/, '')))
}

// Run the CLI and return the source files behind every module it loaded.
async function loadedSources(t: Test, args: string[]): Promise<{code: number | null; sources: string[]; stderr: string}> {
  const dir = t.testdir()
  const list = path.join(dir, 'loaded.txt')
  const result = await runCli(args, {env: {NODE_OPTIONS: `--import=${preload}`, LOADED_MODULES_FILE: list}})
  const files = readFileSync(list, 'utf8').split('\n').filter(Boolean).map((url) => fileURLToPath(url))
  const ours = files.filter((file) => path.dirname(file) === binDir).map((file) => path.basename(file))
  t.ok(ours.includes('runbook.js'), 'the bundled entry was loaded')
  return {code: result.code, sources: ours.flatMap((name) => sourcesOf.get(name) ?? []), stderr: result.stderr}
}

const loads = (sources: string[], prefix: string) => sources.some((s) => s.startsWith(prefix))

t.test('every chunk has a source map whose sources are files of this repository', async (t) => {
  t.ok(sourcesOf.size > 5, `${sourcesOf.size} chunks with maps`)
  const all = [...sourcesOf.values()].flat()
  t.ok(all.includes('lib/cli/main.ts') && all.includes('bin/runbook.ts'), 'lib/ and bin/ files are named')
  t.same(all.filter((s) => !/^(lib|bin|node_modules)\//.test(s)), [], 'nothing else')
})

t.test('--version loads neither the parser, nor the executor, nor any dependency', async (t) => {
  const {code, sources} = await loadedSources(t, ['--version'])
  t.equal(code, 0)
  t.notOk(loads(sources, 'lib/parse/'), 'no parser')
  t.notOk(loads(sources, 'lib/run/'), 'no executor')
  t.same(sources.filter((s) => s.startsWith('node_modules/')), [], 'no dependency')
})

t.test('list loads the parser, not the executor, execa, undici or the linter', async (t) => {
  const book = runbookDir(`# L\n\n${fence}bash {#a}\necho a\n${fence}\n`)
  t.teardown(book.cleanup)
  const {code, sources} = await loadedSources(t, ['list', book.file])
  t.equal(code, 0)
  t.ok(loads(sources, 'lib/parse/'), 'the parser')
  t.ok(loads(sources, 'node_modules/micromark-extension-gfm'), 'GFM syntax')
  t.notOk(loads(sources, 'node_modules/mdast-util-to-markdown/'), 'not the Markdown writer of remark-gfm')
  for (const prefix of ['lib/run/', 'lib/lint/', 'node_modules/execa/', 'node_modules/undici/']) t.notOk(loads(sources, prefix), `not ${prefix}`)
})

t.test('a shell-only run does not load undici; a run with an http step does', async (t) => {
  const shell = runbookDir(`# S\n\n${fence}bash {#a}\necho a\n${fence}\n`)
  t.teardown(shell.cleanup)
  const plain = await loadedSources(t, ['run', shell.file])
  t.equal(plain.code, 0)
  t.ok(loads(plain.sources, 'lib/run/'), 'the executor')
  t.notOk(loads(plain.sources, 'node_modules/undici/'), 'no undici')
  // Nor the code of other commands and reporters: the linter (its rules, file walk and formatters,
  // picomatch and ignore), the HTML page, the many-files runner.
  const lint = plain.sources.filter((s) => s.startsWith('lib/lint/') && s !== 'lib/lint/glob.ts')
  t.same(lint, [], 'no linter code beyond the glob helper, whose picomatch loads on first use')
  for (const prefix of ['node_modules/picomatch/', 'node_modules/ignore/', 'lib/report/html/render', 'lib/report/html/page', 'lib/report/many/', 'lib/cli/run-many']) {
    t.notOk(loads(plain.sources, prefix), `not ${prefix}`)
  }
  const http = runbookDir(`# H\n\n${fence}http {#h}\nGET http://127.0.0.1:9/\n${fence}\n`)
  t.teardown(http.cleanup)
  const withHttp = await loadedSources(t, ['run', http.file])
  t.equal(withHttp.code, 1, 'the request fails: nothing listens on port 9')
  t.ok(loads(withHttp.sources, 'node_modules/undici/'), 'undici')
})

t.test('the HTML reporter, a glob artifact and many files load their code when asked for', async (t) => {
  const book = runbookDir(`# A\n\n${fence}bash {#make artifacts="out/*.txt"}\nmkdir -p out && echo hi > out/a.txt\n${fence}\n`)
  t.teardown(book.cleanup)
  const report = path.join(book.dir, 'report.html')
  const {code, sources, stderr} = await loadedSources(t, ['run', book.file, '--reporter', `html=${report}`])
  t.equal(code, 0)
  t.notMatch(stderr, /matched no file/, 'the artifact glob matched (picomatch, required on first use)')
  t.ok(loads(sources, 'lib/report/html/render'), 'the HTML renderer')
  t.match(readFileSync(report, 'utf8'), /<html[\s\S]*make/, 'the page names the step')
  const many = await loadedSources(t, ['run', book.dir])
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
