// The `tap` that a unit test imports during the mutation run (scripts/mutate/in-process-runner.mjs):
// the part of node-tap's API the unit tests use (t.test, t.teardown and the assertions below), with
// node-tap's own comparison library (tcompare) behind t.same and t.match, so an assertion passes or
// fails exactly as under tap. Any other method of `t` throws, which fails the dry run loudly.
// Each top-level t.test is one "test" for Stryker, named `<file> > <name>`.
import {match, same} from 'tcompare'

const assertions = {
  ok: (found) => Boolean(found),
  notOk: (found) => !found,
  equal: (found, wanted) => found === wanted,
  not: (found, wanted) => found !== wanted,
  same: (found, wanted) => same(found, wanted).match,
  notSame: (found, wanted) => !same(found, wanted).match,
  match: (found, wanted) => match(found, wanted).match,
  notMatch: (found, wanted) => !match(found, wanted).match,
  pass: () => true,
  fail: () => false,
}

class Test {
  constructor(name, root) {
    this.name = name
    this.root = root ?? this
    this.isRoot = !root
    this.failures = []
    this.queued = Promise.resolve()
    this.teardowns = []
    this.children = []
    // Set by the runner on the root: the file, which tests to run, and where their results go.
    this.file = ''
    this.only = null
    this.results = []
    this.ids = new Set()
    this.bail = false
    this.onTest = () => {}
    for (const [method, check] of Object.entries(assertions)) {
      this[method] = (...args) => {
        const ok = check(...args)
        if (!ok) this.failures.push(`${this.name}: ${method} failed${typeof args.at(-1) === 'string' ? `: ${args.at(-1)}` : ''}`)
        return ok
      }
    }
    return new Proxy(this, {
      get(target, key, receiver) {
        if (typeof key === 'string' && !(key in target) && key !== 'then') {
          throw new Error(`the mutation run's tap stand-in has no t.${key} (scripts/mutate/tap-shim.mjs)`)
        }
        return Reflect.get(target, key, receiver)
      },
    })
  }

  // A subtest: queued behind the earlier ones at this level, like tap runs them, one at a time.
  test(name, ...rest) {
    const fn = rest.at(-1)
    const options = rest.length > 1 ? rest[0] : {}
    const root = this.root
    const top = this.isRoot
    const child = new Test(top ? name : `${this.name} > ${name}`, root)
    let id = ''
    if (top) {
      id = `${root.file} > ${name}`
      for (let n = 2; root.ids.has(id); n++) id = `${root.file} > ${name} (${n})`
      root.ids.add(id)
    }
    const run = this.queued.then(async () => {
      if (options.skip) return
      if (top && ((root.only && !root.only.has(id)) || (root.bail && root.results.some((r) => r.failures.length > 0)))) return
      const started = performance.now()
      if (top) root.onTest(id)
      try {
        await fn(child)
        await child.settled()
      } catch (error) {
        child.failures.push(`${child.name}: threw ${error?.stack ?? error}`)
      }
      if (top) root.results.push({id, name, failures: child.collect(), timeSpentMs: performance.now() - started})
    })
    this.queued = run
    this.children.push(child)
    return run
  }

  // A function to call once this test and its subtests are done.
  teardown(fn) {
    this.teardowns.push(fn)
  }

  // This test's failures and its subtests'.
  collect() {
    return [...this.failures, ...this.children.flatMap((c) => c.collect())]
  }

  // Resolves once every subtest queued so far (and any they queued) has finished, teardowns run.
  async settled() {
    let seen
    do {
      seen = this.queued
      await seen
    } while (seen !== this.queued)
    for (const fn of this.teardowns.splice(0).reverse()) await fn()
  }
}

// The root `t` of one test file's run (a fresh instance of this module per file and mutant).
export default new Test('')
