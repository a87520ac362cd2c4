// The parser loads GFM as remark-gfm's parsing halves only (lib/parse/markdown.ts). That is safe only
// while it gives the very tree remark-gfm gives: checked on every Markdown file of the shared corpus,
// the seeds and this repository's own docs and examples, byte for byte as JSON (issue 17).
import t from 'tap'
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
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
    let bytes = 0
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      const ours = JSON.stringify(parseMarkdownTree(text))
      const theirs = JSON.stringify(reference.parse(text))
      bytes += ours.length
      if (ours !== theirs) different.push(path.relative(set.dir, file))
    }
    t.same(different, [], `every tree is identical (${(bytes / 1e6).toFixed(1)} MB of JSON compared)`)
  })
}

t.test('the check would notice a different tree', async (t) => {
  // A table is GFM: without the extension it is a paragraph, and the JSON differs.
  const text = '| a | b |\n| - | - |\n| 1 | 2 |\n'
  const plain = JSON.stringify(unified().use(remarkParse).parse(text))
  t.not(JSON.stringify(parseMarkdownTree(text)), plain)
  t.equal(JSON.stringify(parseMarkdownTree(text)), JSON.stringify(reference.parse(text)))
})
