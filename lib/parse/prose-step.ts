// A step that stands in prose, with no fence: a decision (`<!-- runbook: #has-reason ask="…" -->`)
// or a manual step (`<!-- runbook: #drain-node manual -->`) (SPEC §14).
import type {Step} from '../model.js'
import type {AttributeBlock} from './attributes.js'
import {report, type ParseContext} from './context.js'
import {needsOf, toStepOptions, validateAttributes} from './step-options.js'

// True when a comment's attributes make a decision.
export function isDecision(block: AttributeBlock): boolean {
  return block.attributes.some((a) => a.key === 'ask')
}

// True when a comment's attributes make a manual step (used when no fence follows it).
export function isManual(block: AttributeBlock): boolean {
  return block.attributes.some((a) => a.key === 'manual' && (a.value === true || a.value === 'true'))
}

// The step a fence-less comment stands for; its span is the comment itself.
export function makeProseStep(block: AttributeBlock, context: ParseContext): {step: Step; explicitId?: string} {
  for (const problem of block.problems) report(context, problem.message, problem.start, problem.end)
  const {values, diagnostics} = validateAttributes(block.attributes, 'step', 'comment', context.file)
  context.diagnostics.push(...diagnostics)
  const options = toStepOptions(values)
  const span = context.locator.span(block.start, block.end)
  const step: Step = {
    id: '',
    idSource: 'generated',
    runner: 'shell',
    lang: '',
    dialect: 'comment',
    code: '',
    span,
    bodySpan: context.locator.span(block.start, block.start),
    fence: {char: '`', length: 0, indent: 0},
    annotationSpan: span,
    attributes: block.attributes,
    options,
    needs: needsOf(values),
    expectations: [],
    index: 0,
    prose: options.ask !== undefined ? 'decision' : 'manual',
  }
  if (options.ask !== undefined && options.manual) report(context, 'A decision (`ask=`) cannot also be `manual`', block.start, block.end)
  const explicit = values.get('id')?.value
  return typeof explicit === 'string' ? {step, explicitId: explicit} : {step}
}
