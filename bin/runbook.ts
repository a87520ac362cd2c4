#!/usr/bin/env -S node --
// The `runbook` executable: process wiring only; all behaviour lives in lib/.
import {main} from '../lib/cli/main.js'

const controller = new AbortController()
let signals = 0
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    signals += 1
    // A second interrupt while cleanup runs means "stop now".
    if (signals > 1) process.exit(signal === 'SIGINT' ? 130 : 143)
    controller.abort(signal)
  })
}

// A reader that goes away (`runbook run … | head`) is not an error of ours: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
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
