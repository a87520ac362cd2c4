// Markdown → Runbook: the parser's public face. Never throws on input; problems become diagnostics.
import path from 'node:path'
import type {Nodes, Root} from 'mdast'
import {Diagnostic, hasErrors} from '../diagnostic.js'
import {InvalidRunbookError} from '../errors.js'
import type {CheckTable, Runbook, Step} from '../model.js'
import {planRunbook} from '../graph.js'
import {collect} from './build.js'
import {parseMarkdownTree} from './markdown.js'
import type {ParseContext} from './context.js'
import {blankFrontMatter, findFrontMatter, readFrontMatter} from './front-matter.js'
import {assignIds, resolveChecklist} from './ids.js'
import {suggest} from './suggest.js'
import {preflightDiagnostics} from './preflight.js'
import {createLocator} from './positions.js'
import {findRegions} from './regions.js'
import {findLimitBreach, markdownLimits} from './markdown-limits.js'
import {isCramFile, readCram} from './dialects/cram.js'
import {hasTxmTests, readTxm} from './dialects/txm.js'
import {fsPromises} from '../fs-promises.js'

export {parseAssertLine, parseQuery} from './http-assert.js'
export {parseTranscript} from './transcript.js'
export {parseHttpBlock} from './http-block.js'
export {parseStatus} from './status.js'
export {githubSlug} from './slug.js'
export {editDistance, suggest} from './suggest.js'

// Options of parseRunbook: `file` is the name shown in messages; `all` makes every shell block a step.
export interface ParseOptions {
  file: string
  dir?: string
  all?: boolean
}

// Parse a Markdown runbook into the model; every problem is a diagnostic, nothing is thrown.
export function parseRunbook(source: string, options: ParseOptions): Runbook {
  const text = typeof source === 'string' ? source : String(source)
  const file = options.file
  const locator = createLocator(text)
  const context: ParseContext = {source: text, locator, file, diagnostics: []}
  const runbook: Runbook = {
    file,
    dir: options.dir ?? path.dirname(path.resolve(file)),
    source: text,
    eol: /\r\n/.test(text.slice(0, text.indexOf('\n') + 1)) ? '\r\n' : '\n',
    headings: [],
    steps: [],
    tables: [],
    checklist: [],
    regions: [],
    blocks: [],
    tree: {type: 'root', children: []},
    annotated: false,
    diagnostics: context.diagnostics,
  }
  try {
    let markdown = text
    const block = findFrontMatter(text)
    if (block) {
      const read = readFrontMatter(text, block, locator, file)
      runbook.frontMatter = read.frontMatter
      context.diagnostics.push(...read.diagnostics)
      markdown = blankFrontMatter(text, block)
    }
    // micromark drops a leading byte-order mark and counts offsets without it; a space keeps them aligned.
    if (markdown.charCodeAt(0) === 0xfeff) markdown = ` ${markdown.slice(1)}`
    const breach = findLimitBreach(markdown, markdownLimits())
    if (breach) {
      // Refused before the parser sees it: no steps, one located error (exit 2 for run and list).
      context.diagnostics.push(new Diagnostic(breach.message, {file, place: locator.span(breach.offset, breach.offset + 1), ruleId: 'invalid-annotation'}))
      runbook.annotated = true
      context.diagnostics.sort((a, b) => a.start.offset - b.start.offset)
      return runbook
    }
    const tree = parseMarkdownTree(markdown)
    runbook.tree = tree
    const regions = findRegions(text, locator, file, codeSpans(tree, text))
    runbook.regions = regions.regions
    context.diagnostics.push(...regions.diagnostics)
    const runAll = options.all === true || runbook.frontMatter?.runAll === true
    const collected = collect(tree, context, {runAll, regions: runbook.regions})
    if (isCramFile(file)) {
      // A cram `.t` file is not Markdown: its indented tests are the steps.
      collected.nodes = readCram(context).map((node) => ({node}))
      collected.blocks = []
      collected.annotated = true
    } else if (hasTxmTests(tree)) {
      // A txm document: its `<!-- !test -->` tests are the steps, as txm runs nothing else.
      collected.nodes = readTxm(tree, context)
      collected.blocks = []
      collected.annotated = true
    }
    assignIds(collected.nodes)
    runbook.headings = collected.headings
    runbook.steps = collected.nodes.map((p) => p.node).filter((n): n is Step => 'runner' in n)
    runbook.tables = collected.nodes.map((p) => p.node).filter((n): n is CheckTable => !('runner' in n))
    runbook.blocks = collected.blocks
    const ids = new Set(collected.nodes.map((p) => p.node.id))
    runbook.checklist = resolveChecklist(collected.checklist, ids)
    for (const item of runbook.checklist) {
      for (const ref of item.refKind === 'check' ? item.refs : []) {
        if (ids.has(ref)) continue
        // An error, as an unknown `needs=` is: a box that can never be ticked is a typo to fix now.
        const hint = suggest(ref, [...ids])
        context.diagnostics.push(
          new Diagnostic(`\`check=${ref}\` names no step of this runbook${hint ? ` (did you mean \`${hint}\`?)` : ''}`, {file, place: item.span.start, ruleId: 'unknown-dependency'}),
        )
      }
    }
    runbook.annotated = collected.annotated || runbook.frontMatter?.data['runbook'] !== undefined || runbook.frontMatter?.runme === true
  } catch (error) {
    context.diagnostics.push(
      new Diagnostic(`Internal parser error: ${(error as Error)?.message ?? String(error)}`, {file, ruleId: 'internal-error', cause: error}),
    )
  }
  context.diagnostics.sort((a, b) => a.start.offset - b.start.offset)
  return runbook
}

// Where code (fenced, indented, inline) stands, for the few sources that mention region markers.
function codeSpans(tree: Root, text: string): Array<{start: number; end: number}> {
  const spans: Array<{start: number; end: number}> = []
  if (!text.includes('runbook:output') && !text.includes('runbook:summary')) return spans
  const walk = (node: Nodes): void => {
    if ((node.type === 'code' || node.type === 'inlineCode') && node.position) {
      spans.push({start: node.position.start.offset!, end: node.position.end.offset!})
      return
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  walk(tree)
  return spans
}

// Read a runbook from disk (unless `source` is given) and parse it; `file` is the name shown in messages.
export async function readRunbook(filePath: string, options: {all?: boolean; file?: string; source?: string} = {}): Promise<Runbook> {
  // node:fs/promises (with the readline it loads) only when the caller did not read the file.
  const source = options.source ?? (await fsPromises().readFile(filePath, 'utf8'))
  const parseOptions: ParseOptions = {file: options.file ?? filePath, dir: path.dirname(path.resolve(filePath))}
  if (options.all !== undefined) parseOptions.all = options.all
  return parseRunbook(source, parseOptions)
}

// Throw InvalidRunbookError when the runbook or its step graph has an error (exit 2 before anything runs).
export function assertRunnable(runbook: Runbook): void {
  const errors = [...runbook.diagnostics, ...planRunbook(runbook).diagnostics, ...preflightDiagnostics(runbook)].filter((d) => d.severity === 'error')
  if (!hasErrors(errors)) return
  errors.sort((a, b) => a.start.offset - b.start.offset)
  const count = errors.length
  throw new InvalidRunbookError(`${runbook.file} is not a valid runbook: ${count} error${count === 1 ? '' : 's'}`, errors)
}
