#!/usr/bin/env node
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

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  interrupt: controller.signal,
})
process.exitCode = code
// Don't let a stray handle (a socket, a timer) keep a finished run alive.
setImmediate(() => process.exit(code)).unref()
