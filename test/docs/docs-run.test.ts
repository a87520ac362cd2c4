// Docs are executable: every page under docs/ lints without errors, and every page that holds
// steps runs green through the CLI, so a sample cannot rot without the suite noticing.
import t from 'tap'
import {readdirSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'

const repo = fileURLToPath(new URL('../..', import.meta.url))
const pages = readdirSync(path.join(repo, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`)
// Pages whose runs have a test of their own, with more checks than "it passes".
const ownTests = new Set(['docs/write-back.md'])

t.test('every docs page lints without errors', async (t) => {
  const result = await runCli(['lint', ...pages, '--format', 'json'], {cwd: repo})
  const findings = JSON.parse(result.stdout) as Array<{file: string; line: number; ruleId: string; severity: string; message: string}>
  const errors = findings.filter((f) => f.severity === 'error')
  t.same(errors.map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.message}`), [], 'no lint errors in docs/')
  t.equal(result.code, 0, result.stderr)
})

// `runbook list` knows what is a step (samples shown inside a longer fence are not).
async function stepCount(page: string): Promise<number> {
  const result = await runCli(['list', page], {cwd: repo})
  return result.code === 0 ? result.stdout.split('\n').filter(Boolean).length : 0
}
const counts = new Map(await Promise.all(pages.map(async (page) => [page, await stepCount(page)] as const)))
const hasSteps = (page: string) => (counts.get(page) ?? 0) > 0

for (const page of pages) {
  if (ownTests.has(page) || !hasSteps(page)) continue
  t.test(`${page} runs green as a runbook`, async (t) => {
    const result = await runCli(['run', page, '--reporter', 'plain'], {cwd: repo, timeoutMs: 120_000})
    t.equal(result.code, 0, `${result.stdout}\n${result.stderr}`)
    t.match(result.stdout, /\d+ passed, 0 failed/)
  })
}
