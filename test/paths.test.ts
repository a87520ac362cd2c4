// The suite runs compiled from dist/test/ (docs/testing.md), where a path taken relative to a test
// file's own location points into dist/, not at the checkout. Tests find checkout files with
// test/helpers/paths.ts instead; this keeps a new test from reaching past it unnoticed.
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import t from 'tap'
import {repoPath} from './helpers/paths.js'

// Every TypeScript file under test/, outside the fixtures, relative to test/.
function sources(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : sources(file)
    return entry.name.endsWith('.ts') ? [file] : []
  })
}

// A location-relative path that still resolves once compiled: the built lib/ (dist/lib mirrors
// lib/) and the plain-JS helpers, which the test build copies beside the compiled tests.
const portable = /^(\.\.\/)+lib\/|^\.\.\/helpers\/[\w-]+\.mjs$|^\.\/[\w-]+\.mjs$/

// Each place in `text` that takes a path from the file's own location, with its line.
export function locationPaths(text: string): Array<{line: number; target: string}> {
  const found: Array<{line: number; target: string}> = []
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(/new URL\(\s*(['`"])([^'`"]*)\1\s*,\s*import\.meta\.url\s*\)/g)) {
      if (!portable.test(match[2]!)) found.push({line: index + 1, target: match[2]!})
    }
    if (/import\.meta\.(dirname|filename)/.test(line)) found.push({line: index + 1, target: 'import.meta.dirname'})
  })
  return found
}

t.test('no test takes a checkout path from its own location', async (t) => {
  const root = repoPath('test')
  // This file is left out: its samples below hold the forbidden forms on purpose.
  const files = sources(root).filter((file) => file !== path.join(root, 'paths.test.ts'))
  t.ok(files.length > 100, `${files.length} test sources`)
  const offenders = files.flatMap((file) =>
    locationPaths(readFileSync(file, 'utf8')).map(({line, target}) => `test/${path.relative(root, file)}:${line}: ${target} (use repoPath() from test/helpers/paths.ts)`),
  )
  t.same(offenders, [], 'checkout files are found through test/helpers/paths.ts')
})

t.test('the check finds the forms it forbids and lets the portable ones pass', async (t) => {
  const sample = [
    "const a = fileURLToPath(new URL('../fixtures/x/', import.meta.url))",
    "const b = path.resolve(import.meta.dirname, '../../docs')",
    "const c = new URL(`../../schemas/${name}`, import.meta.url)",
    "const d = fileURLToPath(new URL('../../lib/writeback/index.js', import.meta.url))",
    "const e = fileURLToPath(new URL('../helpers/crash-at.mjs', import.meta.url))",
  ].join('\n')
  t.same(locationPaths(sample).map((found) => found.line), [1, 2, 3])
})
