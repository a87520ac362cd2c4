// `<!-- runbook: defaults on=hub timeout=2m -->` (SPEC §13): attributes every step after it takes,
// up to the next heading of the same or a higher level, unless the step sets the key itself.
import type {Heading, RawAttribute} from '../model.js'
import type {AttributeBlock} from './attributes.js'
import {report, type ParseContext} from './context.js'
import {validateAttributes} from './step-options.js'

// The defaults in force and the heading depth whose section they cover (0: the whole document).
export interface SectionDefaults {
  attributes: RawAttribute[]
  depth: number
}

// Read a defaults comment: every key a step may take but `id`, validated where it is written.
export function readSectionDefaults(block: AttributeBlock, heading: Heading | undefined, context: ParseContext): SectionDefaults {
  for (const problem of block.problems) report(context, problem.message, problem.start, problem.end)
  const attributes: RawAttribute[] = []
  for (const attribute of block.attributes) {
    if (attribute.key === 'defaults') continue
    if (attribute.key === 'id' || attribute.key === 'name') {
      report(context, 'Section defaults cannot set a step id', attribute.span.start.offset, attribute.span.end.offset, {note: 'give each step its own `#id`'})
      continue
    }
    attributes.push(attribute)
  }
  const {diagnostics} = validateAttributes(attributes, 'step', 'comment', context.file)
  context.diagnostics.push(...diagnostics)
  const bad = new Set(diagnostics.map((d) => d.actual))
  return {attributes: attributes.filter((a) => !bad.has(a.key) && !bad.has(a.value === true ? 'true' : a.value)), depth: heading?.depth ?? 0}
}

// The step's attribute block with the section's defaults added for keys it does not set itself.
// Expectation blocks are left alone.
export function withDefaults(block: AttributeBlock, defaults: SectionDefaults): AttributeBlock {
  if (block.attributes.some((a) => a.key === 'expect' || a.key === 'schema')) return block
  const own = new Set(block.attributes.map((a) => a.key))
  const added = defaults.attributes.filter((a) => !own.has(a.key))
  if (added.length === 0) return block
  return {...block, attributes: [...added, ...block.attributes]}
}
