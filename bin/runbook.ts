#!/usr/bin/env -S node --
// The `runbook` executable: process wiring only; all behaviour lives in lib/.
import {main} from '../lib/cli/main.js'
import {skipKillGrace} from '../lib/index.js'

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
    else if (signals === 2) skipKillGrace()
    // A third: leave at once.
    else process.exit(signal === 'SIGINT' ? 130 : signal === 'SIGHUP' ? 129 : 143)
  })
}

// A reader that goes away (`runbook run … | head`) is not an error of ours: stop quietly. After a
// hang-up the terminal is gone: output is dropped and the cleanup goes on.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (hungUp && (error.code === 'EIO' || error.code === 'EPIPE')) return
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
}

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  interrupt: controller.signal,
})
process.exitCode = code
// Let stdout and stderr drain (a pipe may still hold megabytes of a report), then leave even
// if a stray handle (a socket, a timer) would keep a finished run alive.
process.stdout.write('', () => {
  process.stderr.write('', () => {
    setTimeout(() => process.exit(code), 50).unref()
  })
})
