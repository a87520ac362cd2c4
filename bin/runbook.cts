#!/usr/bin/env -S node --
// The `runbook` executable: process wiring only; all behaviour lives in lib/.
//
// A CommonJS file, not an ES module: Node starts a CommonJS entry without its ES module loader, and
// importing `node:fs` as an ES module builds its ESM facade, whose getters load fs/promises and the
// streams. Together that was 5-8 ms of a 30 ms start on Node 24 and more on Node 20 (issue 17).
// scripts/bundle.mjs turns this file into dist/bin/runbook.js, beside a package.json that makes
// dist/bin/ CommonJS.
import {writeSync} from 'node:fs'
import module = require('node:module')
import path = require('node:path')
import {version} from '../lib/version.js'
import {cacheFileFor, loadWithCodeCache} from '../lib/cli/code-cache.js'
import {cacheFolder} from '../lib/cache-folder.js'

// Set by scripts/bundle.mjs: the file name of the bundled CLI beside this one (`cli-<hash>.cjs`).
declare const RUNBOOK_CLI_FILE: string

// `runbook --version` answers before anything else loads (the version is part of the bundle).
if (process.argv.length === 3 && ['-v', '--version', 'version'].includes(process.argv[2]!)) {
  writeSync(1, `${version}\n`)
  process.exit(0)
}

// Node 22.1+ can keep compiled modules in a cache, which saves most of the cost of loading ours on
// every start. It lives in the OS cache folder; on Node 20 (no such API), a read-only home or any
// other failure, runbook starts as before without it. The V8 code cache of the CLI file and the
// parsed documents (lib/parse/tree-cache.ts) live there too; `RUNBOOK_NO_CACHE` turns all three off.
const cache = cacheFolder()
if (cache !== undefined) {
  try {
    ;(module as {enableCompileCache?: (dir: string) => unknown}).enableCompileCache?.(path.join(cache, 'node-compile-cache'))
  } catch {
    // no cache: slower start, same behaviour
  }
}

// The CLI is a bundle (scripts/bundle.mjs): with --debug, stack traces of internal errors are mapped
// back to lib/ and bin/ through its source maps. Only then: reading the maps costs start-up time.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true)

// The CLI itself is one CommonJS file, run with a V8 code cache per command (lib/cli/code-cache.ts):
// the second start of a command skips most parsing and compiling, on Node 20 too. Under --debug
// Node's own loader runs it instead, so that stacks are mapped through the source map.
const command = process.argv[2] ?? ''
type Cli = typeof import('../lib/cli/bundle-entry.js')

function loadBundle(name: string) {
  const cliFile = path.join(__dirname, name)
  if (process.argv.includes('--debug') || cache === undefined) return {exports: require(cliFile) as Record<string, unknown>, saveCache() {}}
  return loadWithCodeCache(cliFile, cacheFileFor(path.join(cache, 'v8-code-cache'), /^[a-z]{1,20}$/.test(command) ? command : 'cli', name.replace(/^cli-|\.cjs$/g, '')))
}

// bin/runbook.sh moves NODE_EXTRA_CA_CERTS aside (Node 20 parses it while it starts): the steps
// get it back in their environment, and runbook's own HTTPS requests load it when they need it.
const extraCa = process.env['RUNBOOK_EXTRA_CA_CERTS']
if (extraCa !== undefined) {
  delete process.env['RUNBOOK_EXTRA_CA_CERTS']
  process.env['NODE_EXTRA_CA_CERTS'] ??= extraCa
}

async function start(): Promise<void> {
  const loaded = loadBundle(RUNBOOK_CLI_FILE)
  const cli = loaded.exports as Cli
  if (extraCa !== undefined) cli.useExtraCaCerts(extraCa)
  cli.enableTreeCache(cache === undefined ? undefined : path.join(cache, 'trees'))
  const controller = new AbortController()
  let signals = 0
  let hungUp = false
  // SIGHUP (a closed terminal or SSH session) is a stop like SIGTERM: `always` steps, the report and
  // the cleanup still happen (as the GitHub Actions runner and the Buildkite agent do on cancel).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      signals += 1
      if (signal === 'SIGHUP') hungUp = true
      if (signals === 1) controller.abort(signal)
      // A second signal: stop processes now, without the grace period, but still clean up.
      else if (signals === 2) void cli.skipKillGrace()
      // A third: leave at once.
      else process.exit(signal === 'SIGINT' ? 130 : signal === 'SIGHUP' ? 129 : 143)
    })
  }

  // A reader that goes away (`runbook run … | head`) is not an error of ours: stop quietly. After a
  // hang-up the terminal is gone: output is dropped and the cleanup goes on. Node's streams are
  // made only when needed (lib/cli/fd-output.ts); the handler is set on each when it is made.
  const watched = <T extends NodeJS.WriteStream>(stream: T): T => {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (hungUp && (error.code === 'EIO' || error.code === 'EPIPE')) return
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
      throw error
    })
    return stream
  }
  const stdout = cli.fdOutput(1, () => watched(process.stdout))
  const stderr = cli.fdOutput(2, () => watched(process.stderr))

  const code = await cli.main(process.argv.slice(2), {
    stdout,
    stderr,
    // Read on first use: making process.stdin loads the stream modules (~2-3 ms), and most
    // commands never read it.
    get stdin() {
      return process.stdin
    },
    env: process.env,
    cwd: process.cwd(),
    interrupt: controller.signal,
  })
  process.exitCode = code
  // Keep what this command compiled for its next start (only when there was no usable cache), once it
  // did its work: a cache made by `--help` or a usage error would hold little of the command's code,
  // and a usable cache is never replaced.
  const didWork = code === 0 || code === 1
  if (cli.commandNames.includes(command) && didWork && !process.argv.includes('--help') && !process.argv.includes('-h')) loaded.saveCache()
  // Let stdout and stderr drain (a pipe may still hold megabytes of a report), then leave even
  // if a stray handle (a socket, a timer) would keep a finished run alive.
  stdout.write('', () => {
    stderr.write('', () => {
      setTimeout(() => process.exit(code), 50).unref()
    })
  })
}

void start()
