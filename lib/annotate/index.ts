// `runbook annotate` (SPEC §15): a plain runbook → edits that annotate it, like lint's fixes. Never
// executes anything. `$` blocks become steps with ids from their headings, example output after them
// `{expect}` blocks (when it can hold), `<placeholders>` declared inputs, destructive commands get
// `confirm=`, a cluster named in the prose a kube target (when the tool knows targets).
import {destructiveCommand} from '../lint/rules/destructive-without-confirm.js'
import type {CodeBlock, Runbook} from '../model.js'
import {parseRunbook} from '../parse/index.js'
import {hasPrompts} from '../parse/prompts.js'
import {knownKeys} from '../parse/schema.js'
import {stepIdFromSlug} from '../parse/slug.js'
import {applyEdits, type Edit} from '../writeback/edits.js'
import {infoEdit, openingFence, placeholderEdits, type Rewrite} from './fence-edits.js'
import {frontMatterEdit, type AnnotatedInput, type AnnotatedTarget} from './front-matter.js'
import {expectationFor} from './volatile.js'

// What annotating one document produced.
export interface AnnotateResult {
  text: string
  edits: Edit[]
  steps: string[] // ids of the steps it made
  expectations: number
  rewrites: Rewrite[]
  inputs: AnnotatedInput[]
  notes: string[] // what a person must decide
}

const shellLangs = new Set(['', 'bash', 'sh', 'shell', 'zsh'])
const outputLangs = new Set(['', 'text', 'txt', 'output', 'plaintext', 'console', 'log'])
const interactive = /\b(?:(?:kubectl|oc)\s+(?:[^\n|;&]*\s)?(?:edit|rsh)\b|(?:kubectl|oc|docker|podman)\s+(?:[^\n|;&]*\s)?(?:exec|debug|run)\s[^\n|;&]*\s-(?:it|ti)\b|\b(?:vi|vim|nano|less|top)\s)/
const clusterWords = /\b(hub|managed|spoke|management|workload|infrastructure)\s+cluster\b/i

// Annotate `source`; the result's text is the annotated document.
export function annotateSource(source: string, options: {file: string}): AnnotateResult {
  const runbook = parseRunbook(source, {file: options.file})
  const used = new Set(runbook.steps.map((step) => step.id))
  const edits: Edit[] = []
  const rewrites: Rewrite[] = []
  const notes: string[] = []
  const steps: string[] = []
  let expectations = 0
  const blocks = runbook.blocks
  const targets = kubeTargets(runbook)
  const targetOf = targets.length === 1 ? targets[0]!.id : undefined
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!
    const fence = openingFence(source, block)
    if (!fence || !shellLangs.has(fence.lang.toLowerCase()) || !hasPrompts(block.code)) continue
    if (fence.rest.trim() !== '') {
      notes.push(`line ${block.span.start.line}: the fence already has \`${fence.rest.trim()}\` after its language: left as it is`)
      continue
    }
    const id = uniqueId(headingSlug(runbook, block), used)
    steps.push(id)
    const attributes = [`#${id}`]
    const placed = placeholderEdits(source, block)
    edits.push(...placed.edits)
    rewrites.push(...placed.rewrites)
    const destructive = destructiveCommand(block.code)
    if (destructive) attributes.push(`confirm="This runs ${destructive}: go on?"`)
    if (interactive.test(block.code)) attributes.push('tty')
    if (targetOf && /\b(?:oc|kubectl|helm)\s/.test(block.code)) attributes.push(`on=${targetOf}`)
    edits.push(infoEdit(fence, attributes, 'bash'))
    const next = blocks[index + 1]
    if (next && isExampleOutput(runbook, block, next)) {
      const outputFence = openingFence(source, next)
      if (outputFence && outputFence.rest.trim() === '' && expectationFor(next.code) !== undefined) {
        const body = expectationFor(next.code)!
        edits.push({start: outputFence.langEnd, end: outputFence.langEnd, text: `${outputFence.lang === '' ? 'text' : ''} {expect}`})
        if (body !== normalise(next.code)) edits.push({start: next.bodySpan.start.offset, end: next.bodySpan.end.offset, text: indentLike(source, next, body)})
        expectations++
        index++
      } else notes.push(`line ${next.span.start.line}: example output of \`${id}\` left as illustration (a table or values that vary)`)
    }
  }
  const inputs = declaredInputs(rewrites, runbook)
  const targetInputs = targetOf ? targets : []
  const front = frontMatterEdit(source, runbook.eol, [...inputs, ...targetInputs.map((t) => ({name: t.contextInput, description: `kubectl context of the ${t.id} cluster`}))], targetInputs)
  if (front.edit) edits.push(front.edit)
  if (front.note) notes.push(front.note)
  if (targets.length > 0 && !targetOf) notes.push(`the prose names several clusters (${targets.map((t) => t.id).join(', ')}): choose a target (on=…) per step`)
  return {text: applyEdits(source, edits), edits, steps, expectations, rewrites, inputs, notes}
}

function headingSlug(runbook: Runbook, block: CodeBlock): string {
  let slug = ''
  for (const heading of runbook.headings) if (heading.span.start.offset < block.span.start.offset) slug = heading.slug
  return stepIdFromSlug(slug) || 'step'
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`
  used.add(id)
  return id
}

// A plain block right after a `$` block, with only prose (no heading, no other block) between.
function isExampleOutput(runbook: Runbook, step: CodeBlock, next: CodeBlock): boolean {
  if (!outputLangs.has(next.lang.toLowerCase()) || hasPrompts(next.code)) return false
  const between = runbook.source.slice(step.span.end.offset, next.span.start.offset)
  if (/^\s*#/m.test(between)) return false
  const prose = between.replace(/\s+/g, ' ').trim()
  return prose === '' || /\b(output|returns?|result|look(?:s)? like|similar to|example|expected|shows?|prints?)\b/i.test(prose)
}

// Inputs from the rewrites, in order of first use, each once.
function declaredInputs(rewrites: Rewrite[], runbook: Runbook): AnnotatedInput[] {
  const declared = new Set((runbook.frontMatter?.inputs ?? []).map((input) => input.name))
  const seen = new Map<string, AnnotatedInput>()
  for (const rewrite of rewrites) {
    if (declared.has(rewrite.name) || seen.has(rewrite.name)) continue
    seen.set(rewrite.name, {name: rewrite.name, description: `what the runbook wrote as ${rewrite.from}`})
  }
  return [...seen.values()]
}

// Clusters the prose names (`the hub cluster`), as kube targets; only when this build knows `on=`.
function kubeTargets(runbook: Runbook): AnnotatedTarget[] {
  if (!knownKeys('step').includes('on')) return []
  const names = new Set<string>()
  const prose = runbook.source.replace(/```[\s\S]*?```/g, '')
  for (const match of prose.matchAll(new RegExp(clusterWords, 'gi'))) names.add(match[1]!.toLowerCase())
  return [...names].map((id) => ({id, contextInput: `${id.toUpperCase()}_CONTEXT`}))
}

function normalise(code: string): string {
  return code.replace(/\n$/, '') + '\n'
}

// The new body with the block's indentation (list items) on every line, ending where the old one did.
function indentLike(source: string, block: CodeBlock, body: string): string {
  const lineStart = source.lastIndexOf('\n', block.span.start.offset - 1) + 1
  const indent = /^[ \t>]*/.exec(source.slice(lineStart, block.span.start.offset))![0]
  const eol = source.includes('\r\n') ? '\r\n' : '\n'
  const raw = source.slice(block.bodySpan.start.offset, block.bodySpan.end.offset)
  const atLineStart = block.bodySpan.start.offset === 0 || source[block.bodySpan.start.offset - 1] === '\n'
  const lines = body.replace(/\n$/, '').split('\n')
  const text = lines.map((line, i) => (i === 0 && !atLineStart ? '' : indent) + line).join(eol)
  return raw.endsWith('\n') ? text + eol : text
}
