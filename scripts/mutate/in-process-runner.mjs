// A StrykerJS test runner ("tap-in-process") for `npm run mutate`: runs the unit test files named in
// stryker.config.json's `tap.testFiles` inside one long-lived process per worker, instead of one new
// node process per test file and mutant as @stryker-mutator/tap-runner does. Loading node-tap cost
// every such process about 0.35 s of CPU, more than most unit test files take to run.
// Each run of a test file imports it as a fresh module generation (hooks.mjs), so the code under test
// is evaluated anew with the mutant already active, as in a fresh process, and `tap` is the
// stand-in of tap-shim.mjs. A "test" for Stryker is one top-level t.test of a file; what a file runs
// while it loads counts as covered by each of its tests.
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {register} from 'node:module'
import {pathToFileURL} from 'node:url'
import path from 'node:path'
import {createWatchdog} from './watchdog.mjs'
import {commonTokens, declareClassPlugin, PluginKind, tokens} from '@stryker-mutator/api/plugin'
import {determineHitLimitReached, DryRunStatus, TestStatus, toMutantRunResult} from '@stryker-mutator/api/test-runner'

const durationsFile = '.mutate-durations.json'
const shimUrl = new URL('./tap-shim.mjs', import.meta.url).href
let generation = 0
let current = null
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (error) => {
    if (current === null) throw error
    // Left over from a run that was stopped at its time limit: not this run's failure.
    const stack = String(error?.stack ?? error)
    if (/\?gen=\d+/.test(stack) && !stack.includes(`?gen=${current.gen}`)) return
    current.failures.push(`${event}: ${stack}`)
  })
}

class InProcessTapRunner {
  static inject = tokens(commonTokens.options)

  constructor(options) {
    this.options = options
  }

  capabilities() {
    return {reloadEnvironment: true}
  }

  async init() {
    const root = pathToFileURL(process.cwd() + path.sep).href
    register('./hooks.mjs', {parentURL: import.meta.url, data: {root}})
    this.testFiles = this.options.tap.testFiles.flatMap(expand)
    this.ns = globalThis.__stryker__ ??= {}
    this.durations = new Map()
    this.within = createWatchdog()
    // Run every test file once before any mutant, so that the packages they load (ajv, yaml …)
    // are loaded whole: a mutant stopped by the watchdog in the middle of loading one would leave
    // it half loaded in this process's module cache, and fail every later mutant's tests.
    const cov = (this.ns.mutantCoverage ??= {static: {}, perTest: {}})
    this.ns.currentTestId = '(warm-up)'
    for (const file of this.testFiles) await runFile(file, ++generation, {bail: false})
    delete this.ns.currentTestId
    delete cov.perTest['(warm-up)']
  }

  async dryRun(options) {
    const ns = this.ns
    const cov = (ns.mutantCoverage ??= {static: {}, perTest: {}})
    const tests = []
    for (const file of options.testFiles ?? this.testFiles) {
      const loadId = `${file} > (load)`
      ns.currentTestId = loadId
      const results = await runFile(file, ++generation, {bail: !options.disableBail, onTest: (id) => (ns.currentTestId = id)})
      delete ns.currentTestId
      const loaded = cov.perTest[loadId] ?? {}
      delete cov.perTest[loadId]
      for (const result of results) {
        const hits = (cov.perTest[result.id] ??= {})
        for (const [mutant, count] of Object.entries(loaded)) hits[mutant] = (hits[mutant] ?? 0) + count
        this.durations.set(result.id, result.timeSpentMs)
      }
      tests.push(...results)
      if (results.some((r) => r.status === TestStatus.Failed) && !options.disableBail) break
    }
    // For the other worker (and this one after a restart): how long each test took, to order runs.
    writeFileSync(durationsFile, JSON.stringify(Object.fromEntries(this.durations)))
    return {status: DryRunStatus.Complete, tests, mutantCoverage: options.coverageAnalysis === 'off' ? undefined : cov}
  }

  async mutantRun(options) {
    const ns = this.ns
    if (this.durations.size === 0 && existsSync(durationsFile)) {
      this.durations = new Map(Object.entries(JSON.parse(readFileSync(durationsFile, 'utf8'))))
    }
    // The tests to run, by file; the quickest files first, since the first failure ends the run.
    const byFile = new Map()
    for (const id of options.testFilter ?? [...this.durations.keys()]) {
      const file = id.slice(0, id.indexOf(' > '))
      byFile.set(file, [...(byFile.get(file) ?? []), id])
    }
    const cost = (ids) => ids.reduce((sum, id) => sum + (this.durations.get(id) ?? 0), 0)
    const files = [...byFile].sort((a, b) => cost(a[1]) - cost(b[1]))
    ns.activeMutant = options.activeMutant.id
    ns.hitLimit = options.hitLimit
    ns.hitCount = options.hitLimit === undefined ? undefined : 0
    const t0 = performance.now()
    const c0 = process.cpuUsage()
    // One module generation for the whole run: the code under test is loaded once per mutant.
    const gen = ++generation
    try {
      const tests = []
      for (const [file, ids] of files) {
        // A file gets three times what its tests took in the dry run, plus half a second: a mutant
        // stuck in a loop is stopped after that, well before Stryker's limit for the whole run.
        const limit = 3 * cost(ids) + 500
        const results = await this.within(limit, () => runFile(file, gen, {bail: !options.disableBail, only: new Set(ids)}))
        if (results === 'timeout') return toMutantRunResult({status: DryRunStatus.Timeout, reason: `${file} ran past ${Math.round(limit)} ms`})
        tests.push(...results)
        const hits = determineHitLimitReached(ns.hitCount, ns.hitLimit)
        if (hits) return toMutantRunResult(hits)
        if (tests.some((r) => r.status === TestStatus.Failed) && !options.disableBail) break
      }
      return toMutantRunResult({status: DryRunStatus.Complete, tests})
    } finally {
      const c = process.cpuUsage(c0)
      // MUTATE_LOG=file: one line per mutant run (id, wall ms, CPU ms, files, tests), for measuring.
      if (process.env.MUTATE_LOG) writeFileSync(process.env.MUTATE_LOG, `${options.activeMutant.id} ${Math.round(performance.now() - t0)} ${Math.round((c.user + c.system) / 1000)} ${files.length} ${options.testFilter?.length} ${generation}\n`, {flag: 'a'})
      ns.activeMutant = undefined
      ns.hitLimit = undefined
      ns.hitCount = undefined
    }
  }
}

// A `tap.testFiles` entry: a path, or `dir/*.test.js` (a `*` in the file name only).
function expand(pattern) {
  if (!pattern.includes('*')) return [pattern]
  const dir = path.dirname(pattern)
  const name = new RegExp(`^${path.basename(pattern).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`)
  return readdirSync(dir).filter((file) => name.test(file)).sort().map((file) => `${dir}/${file}`)
}

// Runs one test file in module generation `gen`; returns a result per top-level test it ran.
// A file that fails to load, or an assertion outside any test, fails the file's first test.
async function runFile(file, gen, {bail, only = null, onTest = () => {}}) {
  const started = performance.now()
  const url = pathToFileURL(path.resolve(file))
  const stray = []
  current = {gen, failures: stray}
  let root = null
  try {
    root = (await import(`${shimUrl}?gen=${gen}&file=${encodeURIComponent(url.pathname)}`)).default
    Object.assign(root, {file, only, bail, onTest})
    await import(`${url.href}?gen=${gen}`)
    await root.settled()
    stray.push(...root.failures)
  } catch (error) {
    stray.push(`${file}: ${error?.stack ?? error}`)
  } finally {
    current = null
  }
  const fileName = file.replace(/\.js$/, '.ts')
  const results = (root?.results ?? []).map((r) => ({id: r.id, name: r.id, fileName, timeSpentMs: r.timeSpentMs, failures: r.failures}))
  // Loading the file (and the code under test) is part of its first test's time, so that
  // Stryker's timeouts allow for it.
  if (results.length > 0) results[0].timeSpentMs = performance.now() - started - results.slice(1).reduce((sum, r) => sum + r.timeSpentMs, 0)
  if (stray.length > 0) {
    if (results.length === 0) results.push({id: only ? [...only][0] : `${file} > (load)`, name: file, fileName, timeSpentMs: 0, failures: []})
    results[0].failures.push(...stray)
  }
  return results.map(({failures, ...r}) =>
    failures.length === 0 ? {...r, status: TestStatus.Success} : {...r, status: TestStatus.Failed, failureMessage: failures.slice(0, 3).join('; ')},
  )
}

// The plugin Stryker loads from stryker.config.json's `plugins`.
export const strykerPlugins = [declareClassPlugin(PluginKind.TestRunner, 'tap-in-process', InProcessTapRunner)]
