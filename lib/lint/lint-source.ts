// Lint one Markdown text: parse it (only when it can hold annotations), run the enabled rules,
// drop what disable comments silence, and return the findings in document order.
import path from 'node:path'
import {planRunbook, type Plan} from '../graph.js'
import type {Point, Runbook, Span} from '../model.js'
import {parseRunbook} from '../parse/index.js'
import type {LintConfig} from './config.js'
import {readDisableComments} from './disable.js'
import {rules} from './rules/index.js'
import {createTextView, type TextView} from './text-view.js'
import type {LintMessage, Place, Rule, RuleContext} from './types.js'

// Options of lintSource: `file` is the name shown in findings, `dir` the base of relative paths.
export interface LintSourceOptions {
  file: string
  dir?: string
  config?: LintConfig
  deps?: Record<string, boolean> // filled with the paths whose existence the findings depend on
}

// Findings for one Markdown text; never throws on input.
export function lintSource(source: string, options: LintSourceOptions): LintMessage[] {
  const view = createTextView(source)
  const dir = options.dir ?? path.dirname(path.resolve(options.file))
  const runbook = mayHoldAnnotations(source) ? parseRunbook(source, {file: options.file, dir}) : plainRunbook(source, options.file, dir)
  return lintRunbook(runbook, {view, ...(options.config ? {config: options.config} : {}), ...(options.deps ? {deps: options.deps} : {})})
}

// Findings for an already parsed runbook (the `lintRunbook` seam).
export function lintRunbook(runbook: Runbook, options: {config?: LintConfig; view?: TextView; deps?: Record<string, boolean>} = {}): LintMessage[] {
  const view = options.view ?? createTextView(runbook.source)
  const levels = options.config?.rules ?? {}
  const annotated = runbook.annotated || runbook.steps.length > 0 || runbook.tables.length > 0 || runbook.diagnostics.length > 0
  let plan: Plan | undefined
  const messages: LintMessage[] = []
  for (const rule of rules) {
    const level = levels[rule.meta.id] ?? rule.meta.severity
    if (level === 'off' || (rule.meta.scope === 'annotated' && !annotated)) continue
    const context: RuleContext = {
      file: runbook.file,
      text: view,
      plan: () => (plan ??= safePlan(runbook)),
      depend(file, exists) {
        if (options.deps) options.deps[file] = exists
      },
      report(message, place, extra) {
        const {start, end} = toPoints(place, view)
        messages.push({
          file: runbook.file,
          line: start.line,
          column: start.column,
          endLine: end.line,
          endColumn: end.column,
          ruleId: rule.meta.id,
          severity: extra?.severity === 'info' ? 'info' : level,
          message,
          url: rule.meta.url,
          ...(extra?.fix ? {fix: extra.fix} : {}),
        })
      },
    }
    runRule(rule, runbook, context)
  }
  const disabled = readDisableComments(view)
  return messages
    .filter((m) => !disabled(m.ruleId, m.line))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId))
}

// A rule that throws must not take the whole lint down: its crash becomes a finding.
function runRule(rule: Rule, runbook: Runbook, context: RuleContext): void {
  try {
    rule.check(runbook, context)
  } catch (error) {
    context.report(`Internal error in rule \`${rule.meta.id}\` (a bug in runbook, please report it): ${(error as Error)?.message ?? String(error)}`, undefined, {severity: 'info'})
  }
}

function safePlan(runbook: Runbook): Plan {
  try {
    return planRunbook(runbook)
  } catch {
    return {nodes: [], order: [], diagnostics: []}
  }
}

function toPoints(place: Place | undefined, view: TextView): {start: Point; end: Point} {
  if (!place) return {start: view.locate(0), end: view.locate(0)}
  if ('line' in place) return {start: place, end: place}
  const span = place as Span | {start: number; end: number}
  if (typeof span.start === 'number') return {start: view.locate(span.start), end: view.locate(span.end as number)}
  return {start: span.start as Point, end: span.end as Point}
}

// Cheap test: can this text hold a step, an expectation, a check table or runbook front matter?
// Files that cannot skip the Markdown parse; the rules for any document need only the text view.
export function mayHoldAnnotations(source: string): boolean {
  if (/^[ \t>]*(?:`{3,}|~{3,})[ \t]*[\w+.-]*[ \t]*(?:\{|[\w-]+=)|<!--\s*runbook\s*:/m.test(source)) return true
  if (!source.startsWith('---')) return false
  const end = source.indexOf('\n---', 3)
  return /^(?:runbook|runme)\s*:/m.test(source.slice(0, end === -1 ? 65536 : end))
}

function plainRunbook(source: string, file: string, dir: string): Runbook {
  return {
    file,
    dir,
    source,
    eol: source.includes('\r\n') ? '\r\n' : '\n',
    headings: [],
    steps: [],
    tables: [],
    checklist: [],
    regions: [],
    blocks: [],
    tree: {type: 'root', children: []},
    annotated: false,
    diagnostics: [],
  }
}
