import t from 'tap'
import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import type {Nodes} from 'mdast'
import {parseRunbook} from '../../lib/parse/index.js'
import {planRunbook} from '../../lib/graph.js'
import {countMarkdown} from '../helpers/count-markdown.js'
import {sharedDir} from '../helpers/shared.js'

const shared = sharedDir

function markdownFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) out.push(...markdownFiles(full))
    else if (name.endsWith('.md')) out.push(full)
  }
  return out
}

function countTables(node: Nodes): number {
  return (node.type === 'table' ? 1 : 0) + ('children' in node ? node.children.reduce((n: number, child) => n + countTables(child as Nodes), 0) : 0)
}

t.test('every seed parses to the counts a plain line scanner finds', async (t) => {
  const seeds = markdownFiles(path.join(shared, 'seeds'))
  t.ok(seeds.length >= 6, 'the seeds are there')
  for (const file of seeds) {
    const text = readFileSync(file, 'utf8')
    const rb = parseRunbook(text, {file})
    const counts = countMarkdown(text)
    const name = path.basename(file)
    t.equal(rb.steps.length, 0, `${name}: no steps (the seeds are unannotated)`)
    t.equal(rb.annotated, false, `${name}: not annotated`)
    t.equal(rb.blocks.length, counts.fences, `${name}: ${counts.fences} code blocks`)
    t.equal(rb.checklist.length, counts.taskItems, `${name}: ${counts.taskItems} checklist items`)
    t.equal(countTables(rb.tree), counts.tables, `${name}: ${counts.tables} tables`)
    t.equal(rb.tables.length, 0, `${name}: no check tables`)
    t.same(rb.diagnostics.filter((d) => d.severity === 'error'), [], `${name}: no errors`)
  }
  const total = seeds.map((file) => parseRunbook(readFileSync(file, 'utf8'), {file, all: true}))
  t.ok(total.reduce((n, rb) => n + rb.steps.length, 0) > 0, 'with --all the seeds\' shell blocks become steps')
})

t.test('every Markdown file of the corpus parses and plans without an exception', async (t) => {
  const files = markdownFiles(path.join(shared, 'corpus'))
  t.ok(files.length > 1000, `${files.length} files`)
  let failures = 0
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    try {
      const rb = parseRunbook(text, {file})
      planRunbook(rb)
      const internal = rb.diagnostics.filter((d) => d.ruleId === 'internal-error')
      if (internal.length > 0) {
        failures++
        t.fail(`${file}: ${internal[0]!.message}`)
      }
      for (const d of rb.diagnostics) {
        if (d.start.line < 1 || d.start.column < 1) t.fail(`${file}: diagnostic without a place: ${d.format()}`)
      }
    } catch (error) {
      failures++
      t.fail(`${file} threw: ${(error as Error).stack}`)
    }
  }
  t.equal(failures, 0)
})

t.test('the Runme examples list their named cells (in the languages that run)', async (t) => {
  const files = markdownFiles(path.join(shared, 'corpus', 'runme-examples'))
  let named = 0
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    const names = [...text.matchAll(/^\s*```(?:sh|bash|zsh|shell|js|javascript|node|python|py)\s*\{[^}\n]*"name"\s*:\s*"([^"]+)"/gm), ...text.matchAll(/^\s*```(?:sh|bash|zsh|shell)\s*\{\s+name=([\w.-]+)/gm)].map((m) => m[1]!.toLowerCase())
    if (names.length === 0) continue
    const rb = parseRunbook(text, {file})
    const ids = rb.steps.map((s) => s.id)
    for (const name of names) {
      named++
      t.ok(ids.includes(name), `${path.relative(shared, file)}: cell \`${name}\` is a step`)
    }
  }
  t.ok(named >= 20, `${named} named cells`)
})
