// The parser loads GFM as remark-gfm's parsing halves only (lib/parse/markdown.ts). That is safe only
// while it gives the very tree remark-gfm gives: checked on every Markdown file of the shared corpus,
// the seeds and this repository's own docs and examples, byte for byte as JSON (issue 17).
import t from 'tap'
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {isDeepStrictEqual} from 'node:util'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {parseMarkdownTree} from '../../lib/parse/markdown.js'
import {repoDir} from '../helpers/examples.js'
import {sharedDir} from '../helpers/shared.js'

const reference = unified().use(remarkParse).use(remarkGfm).freeze()

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && /\.(md|markdown)$/i.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
}

// A copy of `value` without the object properties whose value is undefined (JSON drops them).
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, withoutUndefined(v)]))
}

const sets = [
  {name: 'the shared corpus', dir: path.join(sharedDir, 'corpus'), least: 1800},
  {name: 'the seeds', dir: path.join(sharedDir, 'seeds'), least: 6},
  {name: 'our docs', dir: path.join(repoDir, 'docs'), least: 10},
  {name: 'our examples', dir: path.join(repoDir, 'examples'), least: 5},
]

for (const set of sets) {
  t.test(`${set.name}: the same tree as remark-gfm, byte for byte`, async (t) => {
    const files = markdownFiles(set.dir)
    t.ok(files.length >= set.least, `${files.length} Markdown files (at least ${set.least})`)
    const different: string[] = []
    const notJson: string[] = []
    let bytes = 0
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      const tree = parseMarkdownTree(text)
      const ours = JSON.stringify(tree)
      const theirs = JSON.stringify(reference.parse(text))
      bytes += ours.length
      if (ours !== theirs) different.push(path.relative(set.dir, file))
      // The tree cache (lib/parse/tree-cache.ts) hands back trees read from JSON: nothing may be lost
      // but properties set to undefined (GFM's literal autolinks: `position: undefined`).
      if (!isDeepStrictEqual(JSON.parse(ours), withoutUndefined(tree))) notJson.push(path.relative(set.dir, file))
    }
    t.same(different, [], `every tree is identical (${(bytes / 1e6).toFixed(1)} MB of JSON compared)`)
    t.same(notJson, [], 'every tree survives JSON whole (the tree cache)')
  })
}

t.test('the check would notice a different tree', async (t) => {
  // A table is GFM: without the extension it is a paragraph, and the JSON differs.
  const text = '| a | b |\n| - | - |\n| 1 | 2 |\n'
  const plain = JSON.stringify(unified().use(remarkParse).parse(text))
  t.not(JSON.stringify(parseMarkdownTree(text)), plain)
  t.equal(JSON.stringify(parseMarkdownTree(text)), JSON.stringify(reference.parse(text)))
})
