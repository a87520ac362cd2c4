// Module resolve hooks of the in-process mutation runner (scripts/mutate/in-process-runner.mjs).
// A test file is imported as `file.js?gen=N`; every module of the checkout it reaches (lib/, test
// helpers) gets the same `?gen=N`, so each mutant's run evaluates a fresh copy of the code under
// test: no cache or state survives from one mutant to the next, as in a fresh process.
// `tap` resolves to the in-process stand-in (tap-shim.mjs), one instance per generation and file.
let root = ''
const shim = new URL('./tap-shim.mjs', import.meta.url).href

// Called by module.register with the sandbox's folder as a file: URL ending in a slash.
export function initialize(data) {
  root = data.root
}

// Adds the parent's generation to the checkout's own modules, and maps `tap` to the stand-in.
export async function resolve(specifier, context, next) {
  const gen = context.parentURL ? new URL(context.parentURL).searchParams.get('gen') : null
  if (gen === null) return next(specifier, context)
  if (specifier === 'tap') return {url: `${shim}?gen=${gen}&file=${encodeURIComponent(new URL(context.parentURL).pathname)}`, shortCircuit: true}
  const resolved = await next(specifier, context)
  if (!resolved.url.startsWith(root) || resolved.url.includes('/node_modules/')) return resolved
  const url = new URL(resolved.url)
  url.searchParams.set('gen', gen)
  return {...resolved, url: url.href}
}
