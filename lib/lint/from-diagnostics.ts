// Report the parser's and the graph's own diagnostics as lint findings of one rule,
// rather than detecting the same problems twice.
import type {Diagnostic} from '../diagnostic.js'
import type {Runbook} from '../model.js'
import type {Fix, RuleContext} from './types.js'

// Report every diagnostic of `runbook` (or of its plan) whose rule id is one of `ids`.
export function reportDiagnostics(runbook: Runbook, context: RuleContext, from: 'parse' | 'plan', ids: readonly string[]): void {
  const diagnostics = from === 'parse' ? runbook.diagnostics : context.plan().diagnostics
  for (const d of diagnostics) {
    if (!ids.includes(d.ruleId)) continue
    const message = d.note ? `${d.message} (${d.note})` : d.message
    const fix = d.fix ?? keyFix(runbook.source, d)
    context.report(message, d.place, {...(fix ? {fix} : {}), ...(d.severity === 'info' ? {severity: 'info' as const} : {})})
  }
}

// A misspelt attribute key with one obvious correction ("did you mean `timeout`?"): rename it.
function keyFix(source: string, d: Diagnostic): Fix | undefined {
  if (d.ruleId !== 'invalid-annotation' || !d.actual || !d.place || !('end' in d.place)) return undefined
  const hint = /^did you mean `([^`]+)`\?$/.exec(d.note ?? '')?.[1]
  if (!hint || !d.message.startsWith('Unknown attribute')) return undefined
  const text = source.slice(d.place.start.offset, d.place.end.offset)
  const at = text.indexOf(d.actual)
  if (at === -1) return undefined
  const after = text[at + d.actual.length]
  if (after !== undefined && !/[=\s"'}:]/.test(after)) return undefined
  const start = d.place.start.offset + at
  return {start, end: start + d.actual.length, text: hint}
}
