// Preload (`node --import`) that SIGKILLs the process right after its Nth file-system write step on a
// path containing $CRASH_MATCH (open, write, chmod, fsync, close, rename, unlink): crash tests of atomic writes.
import fs from 'node:fs'
import {syncBuiltinESMExports} from 'node:module'

const target = Number(process.env.CRASH_AT ?? '0')
const match = process.env.CRASH_MATCH ?? ''
let count = 0
const hit = () => {
  count += 1
  if (count === target) process.kill(process.pid, 'SIGKILL')
}
const watched = new WeakSet()
const promises = fs.promises
const openOriginal = promises.open
promises.open = async function (file, ...rest) {
  const handle = await openOriginal.call(this, file, ...rest)
  if (String(file).includes(match)) {
    watched.add(handle)
    hit()
  }
  return handle
}
for (const name of ['rename', 'unlink']) {
  const original = promises[name]
  promises[name] = async function (file, ...rest) {
    const result = await original.call(this, file, ...rest)
    if (String(file).includes(match)) hit()
    return result
  }
}
const probe = await openOriginal(process.execPath, 'r')
const proto = Object.getPrototypeOf(probe)
await probe.close()
for (const name of ['writeFile', 'write', 'chmod', 'sync', 'datasync', 'close']) {
  const original = proto[name]
  proto[name] = async function (...args) {
    const result = await original.apply(this, args)
    if (watched.has(this)) hit()
    return result
  }
}
syncBuiltinESMExports()
process.on('exit', () => {
  if (process.env.CRASH_REPORT) fs.writeFileSync(process.env.CRASH_REPORT, String(count))
})
