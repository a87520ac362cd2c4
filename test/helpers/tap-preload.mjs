// Preload for every test process (tap's `node-arg` in package.json), in plain JS so it needs no build.
// 1. The suite runs the compiled dist/test/**/*.js; a test/**/*.ts file named on the command line
//    (`npx tap test/cli/list.test.ts`) still runs, through ts-node, transpile-only as tap's
//    TypeScript plugin ran it. Only such a process pays for loading the TypeScript compiler.
// 2. tap puts its process-info hook (`--import=…@tapjs/processinfo…`) into NODE_OPTIONS of every
//    child a test spawns. It is there for coverage, which this suite turns off, and it costs each
//    spawned CLI about 170 ms of CPU, so it is taken out of the children's NODE_OPTIONS here.
if (/\.[cm]?tsx?$/.test(process.argv[1] ?? '')) {
  process.env.TS_NODE_TRANSPILE_ONLY ??= '1'
  await import('@tapjs/typescript/import')
}

// process-on-spawn (which tap's hook uses) keeps its listeners on this global; ours runs after tap's.
const spawnHooks = globalThis[Symbol.for('process-on-spawn@*:singletonId')]
spawnHooks?.listeners.push((child) => {
  const options = child.env.NODE_OPTIONS
  if (options === undefined || !options.includes('@tapjs/processinfo')) return
  const kept = options.match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g)?.filter((part) => !part.includes('@tapjs/processinfo')) ?? []
  const env = {...child.env}
  if (kept.length > 0) env.NODE_OPTIONS = kept.join(' ')
  else delete env.NODE_OPTIONS
  child.env = env
})
