// Preload (`NODE_OPTIONS=--import=…`) that records every file module the process loads, as one URL
// per line in $LOADED_MODULES_FILE at exit: which chunks of the bundled CLI a command pulls in.
import {writeFileSync} from 'node:fs'
import {register} from 'node:module'

const seen = []
const {port1, port2} = new MessageChannel()
port1.on('message', (url) => seen.push(url))
port1.unref()
const hooks = `let port
export function initialize(data) { port = data.port }
export async function load(url, context, next) {
  if (url.startsWith('file:')) port.postMessage(url)
  return next(url, context)
}`
register(`data:text/javascript,${encodeURIComponent(hooks)}`, {data: {port: port2}, transferList: [port2]})
process.on('exit', () => writeFileSync(process.env.LOADED_MODULES_FILE, seen.join('\n')))
