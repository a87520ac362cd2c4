// Annotate every runbook of the shared corpus in memory and count: files annotated (at least one
// step made), files that then lint without errors, files whose --dry-run resolves every step
// (every declared input given a stand-in value; no `${NAME}` left unresolved in any step). Also
// checks that annotate changed no byte outside info strings, front matter and the listed rewrites.
// Usage: node bench/annotate-corpus.mjs [CORPUS_DIR]   (after npm run build)
import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {annotateSource, lintSource, parseRunbook, runRunbook} from '../dist/lib/index.js'
import {disallowedChange} from '../test/helpers/annotate-diff.mjs'

const root = process.argv[2] ?? path.resolve(import.meta.dirname, '../../../shared/corpus')
const files = []
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) walk(full)
    else if (name.endsWith('.md') && name !== 'SOURCES.md') files.push(full)
  }
}
walk(root)
const counts = {files: files.length, annotated: 0, steps: 0, expectations: 0, rewrites: 0, lintClean: 0, dryRunResolved: 0, untouchedBytesOk: 0}
const lintFailures = new Map()
for (const file of files) {
  const source = readFileSync(file, 'utf8')
  let result
  try {
    result = annotateSource(source, {file})
  } catch (error) {
    console.error(`${file}: annotate threw: ${error.message}`)
    continue
  }
  if (result.steps.length === 0) continue
  counts.annotated++
  counts.steps += result.steps.length
  counts.expectations += result.expectations
  counts.rewrites += result.rewrites.length
  if (onlyAllowedChanges(source, result)) counts.untouchedBytesOk++
  else console.error(`${file}: changed bytes outside the allowed places`)
  const messages = lintSource(result.text, {file})
  const errors = messages.filter((m) => m.severity === 'error' || m.severity === 2)
  if (errors.length === 0) counts.lintClean++
  else for (const e of errors) lintFailures.set(e.ruleId, (lintFailures.get(e.ruleId) ?? 0) + 1)
  if (await dryRunResolves(result, file)) counts.dryRunResolved++
}
console.log(JSON.stringify(counts, null, 2))
console.log('lint errors by rule (annotated files):', Object.fromEntries(lintFailures))

// Only info strings, the front matter, listed rewrites and {expect} bodies may change (test/helpers/annotate-diff.mjs).
function onlyAllowedChanges(source, result) {
  const problem = disallowedChange(source.replace(/\r\n/g, '\n'), result.text.replace(/\r\n/g, '\n'), result.rewrites, result.expectations > 0)
  if (problem) console.error(`  line ${problem.line}: ${JSON.stringify(problem.before)} → ${JSON.stringify(problem.after)}`)
  return problem === undefined
}

async function dryRunResolves(result, file) {
  let runbook
  try {
    runbook = parseRunbook(result.text, {file})
  } catch {
    return false
  }
  if (runbook.diagnostics.some((d) => d.severity === 'error')) return false
  const set = Object.fromEntries((runbook.frontMatter?.inputs ?? []).map((input) => [input.name, 'stand-in']))
  try {
    const run = await runRunbook(runbook, {env: {PATH: process.env.PATH, ...set}, set, yes: false, interactive: false, tags: [], dryRun: true})
    return run.steps.every((step) => !/\$\{[A-Za-z_]\w*\}/.test(step.command ?? ''))
  } catch {
    return false
  }
}
