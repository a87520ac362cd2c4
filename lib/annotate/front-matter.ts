// The front-matter edit of `runbook annotate`: declare the inputs the placeholders became (and kube
// targets when the tool knows them), in a new front matter or appended to an existing one.
import {findFrontMatter} from '../parse/front-matter.js'
import type {Edit} from '../writeback/edits.js'

// A declared input: its name and what the reader had to put there.
export interface AnnotatedInput {
  name: string
  description: string
}

// A kube target named in the prose.
export interface AnnotatedTarget {
  id: string
  contextInput: string
}

// The edit that declares `inputs` and `targets`, or a note when a person must do it.
export function frontMatterEdit(source: string, eol: string, inputs: AnnotatedInput[], targets: AnnotatedTarget[]): {edit?: Edit; note?: string} {
  if (inputs.length === 0 && targets.length === 0) return {}
  const lines = ['runbook:']
  if (targets.length > 0) {
    lines.push('  targets:')
    for (const target of targets) lines.push(`    ${target.id}:`, `      kube: { context: "\${${target.contextInput}}" }`)
  }
  if (inputs.length > 0) {
    lines.push('  inputs:')
    for (const input of inputs) lines.push(`    ${input.name}: { description: ${JSON.stringify(input.description)}, required: true }`)
  }
  const existing = findFrontMatter(source)
  if (!existing) {
    const at = source.charCodeAt(0) === 0xfeff ? 1 : 0
    return {edit: {start: at, end: at, text: ['---', ...lines, '---', '', ''].join(eol)}}
  }
  const yaml = source.slice(existing.yamlStart, existing.yamlEnd)
  if (/^runbook\s*:/m.test(yaml)) return {note: `front matter already has \`runbook:\`: declare these inputs there by hand: ${inputs.map((i) => i.name).join(', ')}`}
  const closing = source.lastIndexOf('\n', existing.end - 1) + 1
  return {edit: {start: closing, end: closing, text: lines.join(eol) + eol}}
}
