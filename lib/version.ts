// The package version, read once from package.json (found from lib/ or from dist/lib/): the CLI
// prints it and the evidence manifest records it, so it lives below both.
import {existsSync, readFileSync} from 'node:fs'

// Set by scripts/bundle.mjs to package.json's version: the bundled CLI prints it without reading a file.
declare const RUNBOOK_VERSION: string | undefined

// The version in package.json, or 0.0.0 when the package file cannot be found.
export const version: string = typeof RUNBOOK_VERSION === 'string' ? RUNBOOK_VERSION : (() => {
  for (const up of ['../package.json', '../../package.json']) {
    const url = new URL(up, import.meta.url)
    if (!existsSync(url)) continue
    const data = JSON.parse(readFileSync(url, 'utf8')) as {name?: string; version?: string}
    if (data.name === 'runbook' && data.version) return data.version
  }
  return '0.0.0'
})()
