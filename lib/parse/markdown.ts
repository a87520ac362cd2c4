// Markdown text → mdast tree: remark-parse with GitHub Flavored Markdown. For GFM it loads the two
// halves of remark-gfm that reading needs, the micromark syntax extension and the
// mdast-from-markdown extension, without the third (`gfmToMarkdown`), which writes Markdown and
// brings mdast-util-to-markdown with it: less code to load on every start (issue 17). remark-gfm
// stays the reference: test/parse/gfm-identity.test.ts parses the whole shared corpus both ways
// and requires the same tree, byte for byte as JSON.
import type {Root} from 'mdast'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {gfm} from 'micromark-extension-gfm'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'
import {cachedTree} from './tree-cache.js'

// A unified plugin: what `remark-gfm` with no options adds for parsing, and nothing else.
export function remarkGfmParse(this: Processor): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(gfm())
  ;(data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown())
}

const processor = unified().use(remarkParse).use(remarkGfmParse).freeze()

// The mdast tree of `markdown` (positions included); from the tree cache when the CLI turned it on
// (tree-cache.ts: this module's URL names the parser's build).
export function parseMarkdownTree(markdown: string): Root {
  return cachedTree(markdown, import.meta.url, (text) => processor.parse(text) as Root)
}
