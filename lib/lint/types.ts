// The shapes lint works with: rules, their context, findings and fixes.
import type {Plan} from '../graph.js'
import type {Point, Runbook, Span} from '../model.js'
import type {TextView} from './text-view.js'

// Severity of a finding as shown to the user (`info` notes never fail a run).
export type LintSeverity = 'error' | 'warning' | 'info'

// A safe edit on the original text, applied bottom-up by `--fix`.
export interface Fix {
  start: number
  end: number
  text: string
}

// One finding: the `--format json` shape, plus an optional fix.
export interface LintMessage {
  file: string
  line: number
  column: number
  endLine: number
  endColumn: number
  ruleId: string
  severity: LintSeverity
  message: string
  url: string
  fix?: Fix
}

// A rule's identity card (remark-lint / ESLint style).
export interface RuleMeta {
  id: string
  description: string
  severity: 'error' | 'warning'
  url: string
  // `any`: every Markdown file; `annotated`: only runbooks with annotations.
  scope: 'any' | 'annotated'
}

// Where a finding stands: a span, a point, or `{start, end}` offsets into the source.
export type Place = Span | Point | {start: number; end: number}

// What a rule receives beside the runbook: the text views, the plan, and `report`.
export interface RuleContext {
  file: string
  text: TextView
  plan(): Plan
  // Record that the findings depend on whether `file` exists (for the cache).
  depend(file: string, exists: boolean): void
  report(message: string, place: Place | undefined, extra?: {fix?: Fix; severity?: LintSeverity}): void
}

// A rule: meta plus the check.
export interface Rule {
  meta: RuleMeta
  check(runbook: Runbook, context: RuleContext): void
}
