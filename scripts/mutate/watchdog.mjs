// A time limit for code running on this thread, even code stuck in a loop that never yields: a
// worker thread waits out the limit and then ends the main thread's current JavaScript execution
// through the inspector (Runtime.terminateExecution). The main thread carries on with its event
// loop, so the in-process mutation runner reports a timeout without being killed and restarted.
import {Worker} from 'node:worker_threads'

const watcher = `
const {workerData} = require('node:worker_threads')
const inspector = require('node:inspector')
const session = new inspector.Session()
session.connectToMainThread()
const flag = new Int32Array(workerData)
for (;;) {
  const armed = Atomics.load(flag, 0)
  const ms = Atomics.load(flag, 1)
  if (ms === 0) { Atomics.wait(flag, 0, armed); continue }
  if (Atomics.wait(flag, 0, armed, ms) === 'timed-out') {
    session.post('Runtime.terminateExecution')
    Atomics.wait(flag, 0, armed)
  }
}`

// Runs `fn` with a limit of `ms` milliseconds; resolves to its result, or to 'timeout'.
export function createWatchdog() {
  const flag = new Int32Array(new SharedArrayBuffer(8))
  new Worker(watcher, {eval: true, workerData: flag.buffer}).unref()
  const set = (ms) => {
    Atomics.store(flag, 1, ms)
    Atomics.add(flag, 0, 1)
    Atomics.notify(flag, 0)
  }
  return async function within(ms, fn) {
    set(Math.max(1, Math.round(ms)))
    let timer
    try {
      return await Promise.race([fn(), new Promise((resolve) => (timer = setTimeout(resolve, ms + 50, 'timeout')))])
    } finally {
      clearTimeout(timer)
      set(0)
    }
  }
}
