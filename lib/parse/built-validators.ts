// The build's standalone validators: the CommonJS module that scripts/build-validators.mjs writes
// beside the built parser (dist/lib/parse/validators.cjs), loaded on first use. In the bundled CLI,
// scripts/bundle.mjs puts a version of this module in its place that has validators.cjs inside the
// bundle: it is then compiled with the rest of the CLI and kept in its code cache, instead of being
// read, resolved and compiled on every start (3-5 ms on Node 20, which has no compile cache).
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {lazyRequire} from '../lazy-require.js'

const load = lazyRequire(import.meta.url)

// The generated module's exports, or undefined when it was not built.
export function builtValidators(): unknown {
  const url = new URL('./validators.cjs', import.meta.url)
  return existsSync(url) ? load(fileURLToPath(url)) : undefined
}
