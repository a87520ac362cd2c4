// One walk over the mdast in document order: headings, steps, expectations, blocks, tables, checklists.
import type {Code, Heading as MdHeading, Html, ListItem, Nodes, Root, Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {CheckTable, ChecklistItem, CodeBlock, Heading, OwnedRegion, Step} from '../model.js'
import {parseInfo, tokenize, type AttributeBlock} from './attributes.js'
import {report, type ParseContext} from './context.js'
import {readFence} from './fence.js'
import {makeAnnotated} from './make-step.js'
import {makeCheckTable} from './check-table.js'
import {isDecision, isManual, makeProseStep} from './prose-step.js'
import {readSectionDefaults, withDefaults, type SectionDefaults} from './section-defaults.js'
import {insideRegion} from './regions.js'
import {isScrutLanguage, isShellLanguage} from './runners.js'
import {knownKeys} from './schema.js'
import {createSlugger} from './slug.js'

// A step or table waiting for its id (ids are handed out once every explicit id is known).
export interface Pending {
  node: Step | CheckTable
  explicitId?: string
  heading?: Heading
}

// What the walk collects; ids and checklist references are resolved afterwards.
export interface Collected {
  headings: Heading[]
  nodes: Pending[] // steps and tables in document order
  blocks: CodeBlock[]
  checklist: Array<{item: ChecklistItem; steps: Step[]; links: string[]; checks: string[]}>
  annotated: boolean
}

// A comment annotation applies to the fence on the very next line; run, list and lint all refuse one
// that is not, so a blank line never silently turns a step into prose.
const danglingNote = 'put the comment on the line directly above the fence, with no blank line between'
const annotationComment = /<!--\s*runbook:\s([\s\S]*?)-->/g
let stepKeys: string[] | undefined

// Walk the tree once and collect everything the model holds.
export function collect(tree: Root, context: ParseContext, options: {runAll: boolean; regions: OwnedRegion[]}): Collected {
  const {source, locator} = context
  const slug = createSlugger()
  const out: Collected = {headings: [], nodes: [], blocks: [], checklist: [], annotated: false}
  let heading: Heading | undefined
  let lastStep: Step | undefined
  let pendingFence: {block: AttributeBlock; end: number; heading: Heading | undefined} | undefined
  let pendingTable: {block: AttributeBlock; start: number; end: number} | undefined
  let defaults: SectionDefaults | undefined
  const tasks: Collected['checklist'] = []
  const listItems: ListItem[] = []
  const isKnownKey = (key: string) => (stepKeys ??= knownKeys('step')).includes(key) || key === 'expect'
  // Directly before: only the line break, indentation and container markers between (no blank line).
  const adjacent = (end: number, start: number) => /^[ \t]*\r?\n?[ \t>]*(?:(?:[-*+]|\d+[.)])[ \t]+)?$/.test(source.slice(end, start))

  const proseStep = (block: AttributeBlock, at: Heading | undefined) => {
    const made = makeProseStep(block, context)
    if (at) made.step.heading = {text: at.text, depth: at.depth, line: at.span.start.line, slug: at.slug}
    for (const task of tasks) task.steps.push(made.step)
    out.nodes.push({node: made.step, explicitId: made.explicitId, heading: at})
    lastStep = undefined
  }
  const unfenced = (pending: NonNullable<typeof pendingFence>) => {
    if (isManual(pending.block)) proseStep(pending.block, pending.heading)
    else report(context, 'Annotation comment is not followed by a fenced block', pending.block.start, pending.end, {note: danglingNote})
  }
  const dangling = (start: number) => {
    if (pendingFence && !adjacent(pendingFence.end, start)) {
      unfenced(pendingFence)
      pendingFence = undefined
    }
  }

  const onHtml = (node: Html, start: number) => {
    const text = source.slice(start, node.position!.end.offset!)
    if (!text.includes('runbook:')) return
    for (const match of text.matchAll(annotationComment)) {
      const innerOffset = start + match.index + match[0].indexOf(match[1]!)
      const inner = match[1]!.replace(/\s+$/, '')
      const tokens = tokenize(inner, innerOffset, locator)
      const end = start + match.index + match[0].length
      const block: AttributeBlock = {dialect: 'comment', ...tokens, start: start + match.index, end}
      out.annotated = true
      if (tokens.attributes.some((a) => a.key === 'defaults' && a.value === true)) {
        defaults = readSectionDefaults(block, heading, context)
        continue
      }
      const check = tokens.attributes.find((a) => a.key === 'check')
      if (check) {
        const task = tasks[tasks.length - 1]
        if (!task) report(context, '`check=` belongs in a task-list item (`- [ ] …`)', block.start, end, {severity: 'warning'})
        else if (typeof check.value === 'string') task.checks.push(...check.value.split(',').map((s) => s.trim()).filter(Boolean))
        continue
      }
      if (tokens.attributes.some((a) => a.key === 'http' && a.value === true)) {
        pendingTable = {block, start: block.start, end}
        continue
      }
      dangling(block.start)
      if (isDecision(block)) {
        proseStep(block, heading)
        continue
      }
      pendingFence = {block, end, heading}
    }
  }

  const onCode = (node: Code, start: number) => {
    const fence = readFence(source, node)
    if (!fence) return
    dangling(start)
    const info = parseInfo(fence.info, fence.infoOffset, locator, isKnownKey)
    let block = info.block
    if (pendingFence) {
      if (block) report(context, 'A fence with an attribute block cannot also have an annotation comment', pendingFence.block.start, pendingFence.end)
      else block = pendingFence.block
      pendingFence = undefined
    }
    let lang = info.lang
    if (lang === '' && block?.classes[0]) lang = block.classes[0]
    if (block && defaults) block = withDefaults(block, defaults)
    const inListItem = listItems.length > 0
    if (block || (options.runAll && isShellLanguage(lang)) || isScrutLanguage(lang)) {
      if (block) out.annotated = true
      const made = makeAnnotated(node, fence, block, lang, context)
      if (made.kind === 'step') {
        const step = made.step
        if (heading) step.heading = {text: heading.text, depth: heading.depth, line: heading.span.start.line, slug: heading.slug}
        const item = listItems[listItems.length - 1]
        if (item) step.listItemSpan = locator.span(item.position!.start.offset!, item.position!.end.offset!)
        for (const task of tasks) task.steps.push(step)
        out.nodes.push({node: step, explicitId: made.explicitId, heading})
        lastStep = step
        return
      }
      if (made.kind === 'expectation') {
        if (lastStep) lastStep.expectations.push(made.expectation)
        else report(context, 'Expectation block has no step before it', fence.start, fence.end, {ruleId: 'orphan-expectation', note: 'put it after the step whose output it checks'})
        return
      }
    }
    out.blocks.push({
      lang,
      meta: info.rest,
      code: node.value,
      span: locator.span(fence.start, fence.end),
      bodySpan: locator.span(fence.bodyStart, fence.bodyEnd),
      inListItem,
    })
  }

  const onTable = (node: Table, start: number) => {
    dangling(start)
    const comment = pendingTable
    pendingTable = undefined
    if (!comment) return
    if (!adjacent(comment.end, start)) {
      report(context, 'Check-table comment is not followed by a table', comment.start, comment.end, {severity: 'warning'})
      return
    }
    for (const problem of comment.block.problems) report(context, problem.message, problem.start, problem.end)
    const made = makeCheckTable(node, comment.block.attributes, comment, context)
    if (!made) return
    out.nodes.push({node: made.table, explicitId: made.explicitId, heading})
    lastStep = undefined
  }

  const visit = (node: Nodes): void => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start !== undefined && end !== undefined && options.regions.length > 0 && insideRegion(options.regions, start, end)) return
    switch (node.type) {
      case 'heading': {
        // As GitHub does: inline HTML dropped, markup reduced to its text.
        const text = toString(node as MdHeading, {includeHtml: false}).trim()
        heading = {depth: (node as MdHeading).depth, text, slug: slug(text), span: locator.span(start!, node.position!.end.offset!)}
        if (defaults && heading.depth <= defaults.depth) defaults = undefined
        out.headings.push(heading)
        return
      }
      case 'code':
        return onCode(node, start!)
      case 'html':
        return onHtml(node, start!)
      case 'table':
        return onTable(node, start!)
      case 'link':
        if (node.url.startsWith('#')) for (const task of tasks) task.links.push(decodeURIComponent(node.url.slice(1)))
        break
      case 'listItem': {
        listItems.push(node)
        const isTask = typeof node.checked === 'boolean'
        if (isTask) tasks.push({item: checklistItem(node, context), steps: [], links: [], checks: []})
        for (const child of node.children) visit(child)
        if (isTask) out.checklist.push(tasks.pop()!)
        listItems.pop()
        return
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes)
  }
  visit(tree)
  if (pendingFence) unfenced(pendingFence)
  out.checklist.sort((a, b) => a.item.span.start.offset - b.item.span.start.offset)
  return out
}

// The checklist item as written: checkbox place, first paragraph text.
function checklistItem(node: ListItem, context: ParseContext): ChecklistItem {
  const start = node.position!.start.offset!
  const end = node.position!.end.offset!
  const head = context.source.slice(start, Math.min(end, start + 40))
  const box = /^\s*(?:[-*+]|\d+[.)])?\s*\[/.exec(head)
  const first = node.children[0]
  return {
    checked: node.checked === true,
    checkboxOffset: box ? start + box[0].length : start,
    text: first && first.type === 'paragraph' ? toString(first, {includeHtml: false}).trim() : '',
    refs: [],
    refKind: 'none',
    span: context.locator.span(start, end),
    line: node.position!.start.line,
  }
}
