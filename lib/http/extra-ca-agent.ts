// The undici dispatcher for HTTPS requests when the `runbook` command moved NODE_EXTRA_CA_CERTS
// aside (extra-ca.ts): one secure context holds Node's own root certificates and those of the
// file, as Node would have built its store, so a request trusts the same authorities either way.
// Loaded with undici, only by an HTTP request.
import {readFileSync} from 'node:fs'
import {createSecureContext, rootCertificates} from 'node:tls'
import {Agent, type Dispatcher} from 'undici'
import {extraCaFile, useExtraCaCerts} from './extra-ca.js'

let agent: {file: string; dispatcher: Dispatcher} | undefined

// undefined (undici's default) when no file was handed over. A file that cannot be read is left
// out with a warning, as Node does at start-up.
export function extraCaDispatcher(): Dispatcher | undefined {
  const file = extraCaFile()
  if (file === undefined) return undefined
  if (agent?.file === file) return agent.dispatcher
  let pem: string
  try {
    pem = readFileSync(file, 'utf8')
  } catch (error) {
    process.emitWarning(`Ignoring extra certs from \`${file}\`, load failed: ${(error as Error).message}`)
    useExtraCaCerts(undefined)
    return undefined
  }
  agent = {file, dispatcher: new Agent({connect: {secureContext: createSecureContext({ca: [...rootCertificates, pem]})}})}
  return agent.dispatcher
}
