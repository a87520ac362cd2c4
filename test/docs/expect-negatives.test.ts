// The docs pages' expectations must be able to fail. For every `{expect}` block of the pages that
// show the matcher's features (and the first expected output of each transcript), a copy of the
// page with that one expectation made wrong must fail at the step it belongs to. A matcher that
// accepted everything would pass the docs-run test; it cannot pass this one.
import t from 'tap'
import {readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {parseRunbook} from '../../lib/parse/index.js'
import type {Expectation, Step} from '../../lib/model.js'
import {runCli} from '../helpers/cli.js'
import {repoDir} from '../helpers/paths.js'

const repo = repoDir
// The pages whose samples are the CLI's coverage of stream=, (re)/(glob)/(esc), JSON patterns,
// inline schemas and transcripts.
const pages = ['docs/matching.md', 'docs/write-back.md']
t.jobs = 2

const sentinel = 'runbook-negative-check: this line is in no output'

// The page's text with one expectation's body made wrong in a way its kind must notice.
function corrupt(source: string, expectation: Expectation): string | undefined {
  const {start, end} = expectation.bodySpan
  const body = source.slice(start.offset, end.offset)
  let wrong: string
  if (expectation.kind === 'text') wrong = `${sentinel}\n${body}`
  else if (expectation.kind === 'json') {
    const value = JSON.parse(body) as unknown
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined
    wrong = JSON.stringify({...value, runbookNegativeCheck: 'missing'}, null, 2) + '\n'
  } else if (expectation.schemaPath === undefined) {
    const schema = JSON.parse(body) as Record<string, unknown>
    wrong = JSON.stringify({...schema, required: [...((schema.required as string[]) ?? []), 'runbookNegativeCheck']}, null, 2) + '\n'
  } else return undefined
  return source.slice(0, start.offset) + wrong + source.slice(end.offset)
}

interface Case {page: string; step: Step; label: string; text: string}
const cases: Case[] = []
for (const page of pages) {
  const source = readFileSync(path.join(repo, page), 'utf8')
  const runbook = parseRunbook(source, {file: page, dir: path.dirname(path.join(repo, page))})
  for (const step of runbook.steps) {
    if (step.options.skip || step.options.allowFailure) continue
    step.expectations.forEach((expectation, n) => {
      const text = corrupt(source, expectation)
      if (text !== undefined) cases.push({page, step, label: `${expectation.kind} expectation ${n + 1} (line ${expectation.span.start.line})`, text})
    })
    // A transcript's expected output: one more line after the first command's output.
    const first = step.transcript?.[0]
    if (first !== undefined) {
      const lines = source.split('\n')
      const at = first.line // 1-based line of the `$`; insert the sentinel right after it
      const text = [...lines.slice(0, at), sentinel, ...lines.slice(at)].join('\n')
      cases.push({page, step, label: `transcript output of \`${first.command}\``, text})
    }
  }
}

t.test('the docs pages have expectations to check', async (t) => {
  t.ok(cases.length >= 8, `found ${cases.length} expectations`)
  t.ok(cases.some((c) => c.label.startsWith('json')), 'JSON patterns among them')
  t.ok(cases.some((c) => c.label.startsWith('schema')), 'inline schemas among them')
  t.ok(cases.some((c) => c.label.startsWith('transcript')), 'transcripts among them')
})

for (const [n, c] of cases.entries()) {
  t.test(`${c.page}: a wrong ${c.label} fails step ${c.step.id}`, async (t) => {
    // Beside the page, so its relative paths (schemas, scripts, cwd=) still resolve.
    const copy = path.join(repo, path.dirname(c.page), `.${path.basename(c.page)}.negative-${process.pid}-${n}`)
    writeFileSync(copy, c.text)
    t.teardown(() => rmSync(copy, {force: true}))
    const result = await runCli(['run', copy, '--target', c.step.id, '--reporter', 'plain'], {cwd: repo, timeoutMs: 120_000})
    t.equal(result.code, 1, `the run fails\n${result.stdout}\n${result.stderr}`)
    t.match(result.stdout, new RegExp(`✗ ${c.step.id.replace(/[.]/g, '\\.')}\\b`), 'the step that owns the expectation fails')
  })
}
