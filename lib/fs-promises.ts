// node:fs/promises, loaded on first use. Imported at the top of a module it costs every start about
// 2 ms (it loads the readline modules with it), and most runs never need it. Not through `import()`:
// the bundled CLI runs as a vm.Script (lib/cli/code-cache.ts), which has no loader for `import()`.
import {lazyRequire} from './lazy-require.js'

const load = lazyRequire(import.meta.url)

// The module itself.
export function fsPromises(): typeof import('node:fs/promises') {
  return load('node:fs/promises') as typeof import('node:fs/promises')
}
