// Docs are executable: every page under docs/ lints without errors, and every page that holds
// steps runs green through the CLI, so a sample cannot rot without the suite noticing.
import t from 'tap'
import {readdirSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {repoDir} from '../helpers/paths.js'

const repo = repoDir
const pages = readdirSync(path.join(repo, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`)
// Pages whose runs have a test of their own, with more checks than "it passes".
const ownTests = new Set(['docs/write-back.md', 'docs/targets.md'])

t.test('every docs page lints without errors', async (t) => {
  const result = await runCli(['lint', ...pages, '--format', 'json'], {cwd: repo})
  const findings = JSON.parse(result.stdout) as Array<{file: string; line: number; ruleId: string; severity: string; message: string}>
  const errors = findings.filter((f) => f.severity === 'error')
  t.same(errors.map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.message}`), [], 'no lint errors in docs/')
  t.equal(result.code, 0, result.stderr)
})

// `runbook list` knows what is a step (samples shown inside a longer fence are not). A page that
// `list` cannot read is a failure of its own, never a page with no steps.
async function stepCount(page: string): Promise<{steps: number; error?: string}> {
  const result = await runCli(['list', page], {cwd: repo})
  if (result.code !== 0) return {steps: 0, error: `exit ${result.code}: ${result.stderr}`}
  return {steps: result.stdout.split('\n').filter(Boolean).length}
}
const counts = new Map(await Promise.all(pages.map(async (page) => [page, await stepCount(page)] as const)))

t.test('runbook list reads every docs page', async (t) => {
  for (const page of pages) t.equal(counts.get(page)?.error, undefined, page)
})

for (const page of pages) {
  const steps = counts.get(page)?.steps ?? 0
  if (ownTests.has(page) || steps === 0) continue
  t.test(`${page} runs green as a runbook`, async (t) => {
    const result = await runCli(['run', page, '--reporter', 'plain'], {cwd: repo, timeoutMs: 120_000})
    t.equal(result.code, 0, `${result.stdout}\n${result.stderr}`)
    // The closing `N passed, 0 failed, … skipped` line accounts for every listed step, and none of
    // them failed, timed out or was left unrun.
    const summary = /^\s*(\d+) passed, 0 failed\b.*$/m.exec(result.stdout)?.[0] ?? ''
    t.match(summary, /\d+ passed/, 'a summary line with no failure')
    t.notMatch(summary, /not run|timed out|interrupted/)
    const counted = [...summary.matchAll(/(\d+) [a-z]/g)].reduce((sum, m) => sum + Number(m[1]), 0)
    t.equal(counted, steps, 'every listed step is accounted for')
    t.ok(Number(/(\d+) passed/.exec(summary)?.[1]) > 0, 'at least one step really ran')
  })
}
