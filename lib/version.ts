// The package version, read once from package.json (found from lib/ or from dist/lib/): the CLI
// prints it and the evidence manifest records it, so it lives below both.
import {existsSync, readFileSync} from 'node:fs'

// The version in package.json, or 0.0.0 when the package file cannot be found.
export const version: string = (() => {
  for (const up of ['../package.json', '../../package.json']) {
    const url = new URL(up, import.meta.url)
    if (existsSync(url)) return (JSON.parse(readFileSync(url, 'utf8')) as {version: string}).version
  }
  return '0.0.0'
})()
