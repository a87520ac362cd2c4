// Disable comments, as ESLint has them: `<!-- runbook-lint-disable RULE… -- reason -->`, `-enable`,
// `-disable-line`, `-disable-next-line` and `-disable-file`. Rules are separated by spaces or commas;
// everything after ` -- ` is the reason and is never read as a rule name.
import type {TextView} from './text-view.js'

// Decides whether a finding of `ruleId` on `line` is silenced by a comment in the file.
export type IsDisabled = (ruleId: string, line: number) => boolean

// The directives lint understands, after `runbook-lint-`.
export const directiveNames = ['disable', 'enable', 'disable-line', 'disable-next-line', 'disable-file'] as const

// One disable comment as written: `name` may be unknown (`invalid-disable-comment` reports it).
export interface Directive {
  name: string
  rules: string[] | undefined // undefined: every rule
  reason: string | undefined
  start: number // offsets of the whole comment
  end: number
  line: number // lines of its start and end
  endLine: number
}

const comment = /<!--\s*runbook-lint-([\w-]*)([^]*?)-->/g

// Every `runbook-lint-…` comment outside code, in document order.
export function readDirectives(view: TextView): Directive[] {
  if (!view.noCode.includes('runbook-lint-')) return []
  const directives: Directive[] = []
  for (const m of view.noCode.matchAll(comment)) {
    const [body = '', reason] = splitReason(m[2]!)
    const names = body.split(/[\s,]+/).filter(Boolean)
    directives.push({
      name: m[1]!,
      rules: names.length > 0 ? names : undefined,
      reason,
      start: m.index,
      end: m.index + m[0].length,
      line: view.locate(m.index).line,
      endLine: view.locate(m.index + m[0].length).line,
    })
  }
  return directives
}

// Read the file's disable comments (outside code) into a predicate; unknown directives silence nothing.
export function readDisableComments(view: TextView): IsDisabled {
  const directives = readDirectives(view)
  if (directives.length === 0) return () => false
  const covers = (d: Directive, ruleId: string) => !d.rules || d.rules.includes(ruleId)
  const toggles = directives.filter((d) => d.name === 'disable' || d.name === 'enable')
  const local = directives.filter((d) => d.name === 'disable-line' || d.name === 'disable-next-line' || d.name === 'disable-file')
  return (ruleId, line) => {
    for (const d of local) {
      if (!covers(d, ruleId)) continue
      if (d.name === 'disable-file') return true
      if (d.name === 'disable-line' && line >= d.line && line <= d.endLine) return true
      if (d.name === 'disable-next-line' && line === d.endLine + 1) return true
    }
    let disabled = false
    for (const d of toggles) {
      if (d.line > line) break
      if (covers(d, ruleId)) disabled = d.name === 'disable'
    }
    return disabled
  }
}

// `rule-a rule-b -- why` → ['rule-a rule-b ', 'why']; a `--` must stand apart from the rule names.
function splitReason(text: string): [string, string | undefined] {
  const m = /(?:^|\s)--(?:\s|$)/.exec(text)
  if (!m) return [text, undefined]
  return [text.slice(0, m.index), text.slice(m.index + m[0].length).trim() || undefined]
}
