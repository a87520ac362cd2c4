// An annotated fence → a Step or an Expectation (or, when it cannot be either, a diagnostic).
import type {Code} from 'mdast'
import type {Expectation, RawAttribute, Runner, Step} from '../model.js'
import type {AttributeBlock} from './attributes.js'
import {report, type ParseContext} from './context.js'
import type {Fence} from './fence.js'
import {parseHttpBlock} from './http-block.js'
import {isScrutLanguage, runnableLanguages, runnerFor} from './runners.js'
import {parseCaptureSpec} from './capture-spec.js'
import {interpreterScript} from './interpreter.js'
import {isRunmeKey, needsOf, toStepOptions, validateAttributes, type ValidatedAttributes} from './step-options.js'
import {promptedScript} from './prompts.js'
import {parseTranscript} from './transcript.js'

// What an annotated fence turned out to be.
export type Annotated =
  | {kind: 'step'; step: Step; explicitId?: string}
  | {kind: 'expectation'; expectation: Expectation}
  | {kind: 'block'}

// Build the step or expectation an attribute block (or `run: all`) makes of a fence.
export function makeAnnotated(node: Code, fence: Fence, block: AttributeBlock | undefined, lang: string, context: ParseContext): Annotated {
  const {locator} = context
  for (const problem of block?.problems ?? []) report(context, problem.message, problem.start, problem.end)
  const attributes: RawAttribute[] = block?.attributes ?? []
  const dialect = block?.dialect ?? 'run-all'
  const span = locator.span(fence.start, fence.end)
  const bodySpan = locator.span(fence.bodyStart, fence.bodyEnd)
  const fenceShape = {char: fence.char, length: fence.length, indent: fence.indent}
  const isExpect = attributes.some((a) => a.key === 'expect')
  const inlineSchema = lang.toLowerCase() === 'json' && attributes.some((a) => a.key === 'schema' && a.value === true)
  if (isExpect || inlineSchema) {
    const {values, diagnostics} = validateAttributes(attributes, 'expectation', dialect, context.file)
    context.diagnostics.push(...diagnostics)
    const schema = values.get('schema')?.value
    const stream = values.get('stream')?.value
    const expectation: Expectation = {
      kind: schema !== undefined ? 'schema' : lang.toLowerCase() === 'json' ? 'json' : 'text',
      lang,
      body: node.value,
      mode: values.get('expect')?.value === 'contains' ? 'contains' : 'exact',
      stream: stream === 'stderr' || stream === 'all' ? stream : 'stdout',
      strict: values.get('strict')?.value === true || values.get('strict')?.value === 'true',
      span,
      bodySpan,
      fence: fenceShape,
      attributes,
    }
    if (typeof schema === 'string') expectation.schemaPath = schema
    return {kind: 'expectation', expectation}
  }
  const {values, diagnostics} = validateAttributes(attributes, 'step', dialect, context.file)
  let runner: Runner | undefined = runnerFor(lang)
  const interpreter = attributes.find((a) => a.key === 'interpreter')
  // Runme's `interpreter` runs a cell of any language: a shell's replaces the shell, any other runs the cell's text.
  const program = interpreter && typeof interpreter.value === 'string' && interpreter.value.trim() !== '' && runner !== 'shell' && runner !== 'console' ? interpreter.value.trim() : undefined
  if (program) runner = 'shell'
  if (!runner) {
    const where = block ? [block.start, block.end] : [fence.start, fence.infoOffset + lang.length]
    const message = lang === '' ? 'An attribute block needs a language' : `Language \`${lang}\` has no runner`
    // A Runme cell (its JSON or bare form, or only Runme's keys, however spaced) is left as documentation.
    const runme = dialect === 'runme-json' || dialect === 'runme-bare' || (attributes.length > 0 && attributes.every((a) => isRunmeKey(a.key)))
    report(context, runme ? `${message}: the Runme cell is left as documentation` : message, where[0]!, where[1]!, {
      severity: runme ? 'info' : 'error',
      note: `expected one of ${runnableLanguages.join(', ')}`,
    })
    return {kind: 'block'}
  }
  context.diagnostics.push(...diagnostics)
  const options = toStepOptions(values)
  reportCaptureProblems(values, context)
  const ask = values.get('ask')
  if (ask) report(context, '`ask=` makes a decision in prose: put it in a `<!-- runbook: #id ask="…" -->` comment with no fence after it', ask.attribute.span.start.offset, ask.attribute.span.end.offset)
  if (program) delete options.shell
  if (!block && isScrutLanguage(lang)) options.always = true // Scrut runs every test of a file, whatever failed before
  const step: Step = {
    id: '',
    idSource: 'generated',
    runner,
    lang,
    dialect,
    code: node.value,
    span,
    bodySpan,
    fence: fenceShape,
    attributes,
    options,
    needs: needsOf(values),
    expectations: [],
    index: 0,
  }
  if (block) step.annotationSpan = locator.span(block.start, block.end)
  const firstLine = bodySpan.start.line
  const script = program ? interpreterScript(program, node.value) : runner === 'shell' ? promptedScript(node.value) : undefined
  if (script !== undefined) step.script = script
  if (runner === 'console') step.transcript = parseTranscript(node.value, firstLine)
  if (runner === 'http') {
    const {request, problems} = parseHttpBlock(node.value, firstLine)
    step.http = request
    for (const problem of problems) {
      const at = locator.lineStart(firstLine + problem.line) + fence.indent + problem.column
      report(context, problem.message, at, at)
    }
  }
  const explicit = values.get('id')?.value
  return typeof explicit === 'string' ? {kind: 'step', step, explicitId: explicit} : {kind: 'step', step}
}

// A `capture=` value that cannot work (bad regex, broken JSONPath) is an error at the attribute.
function reportCaptureProblems(values: ValidatedAttributes['values'], context: ParseContext): void {
  const capture = values.get('capture')
  if (!capture || typeof capture.value !== 'string') return
  const span = capture.attribute.span
  for (const problem of parseCaptureSpec(capture.value).problems) report(context, `Invalid \`capture\`: ${problem}`, span.start.offset, span.end.offset)
}
