// A `require` for loading CommonJS packages (yaml, ajv) synchronously on first use, created only
// when first called: `createRequire` itself costs start-up time, and most runs never load them.
import {createRequire} from 'node:module'

// A function that requires `id` relative to the module at `url` (pass `import.meta.url`).
export function lazyRequire(url: string): (id: string) => unknown {
  let require: NodeJS.Require | undefined
  return (id) => (require ??= createRequire(url))(id)
}
