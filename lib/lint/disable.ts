// `<!-- runbook-lint-disable RULE -->`, `-enable` and `-disable-next-line`: which findings a file silences.
import type {TextView} from './text-view.js'

// Decides whether a finding of `ruleId` on `line` is silenced by a comment in the file.
export type IsDisabled = (ruleId: string, line: number) => boolean

interface Toggle {
  line: number
  rules: string[] | undefined // undefined: every rule
  on: boolean
}

// Read the file's disable comments (outside code) into a predicate.
export function readDisableComments(view: TextView): IsDisabled {
  if (!view.noCode.includes('runbook-lint-')) return () => false
  const toggles: Toggle[] = []
  const nextLine: Array<{line: number; rules: string[] | undefined}> = []
  for (const m of view.noCode.matchAll(/<!--\s*runbook-lint-(disable-next-line|disable|enable)\b([^]*?)-->/g)) {
    const names = m[2]!.split(/[\s,]+/).filter(Boolean)
    const rules = names.length > 0 ? names : undefined
    const start = view.locate(m.index).line
    const end = view.locate(m.index + m[0].length).line
    if (m[1] === 'disable-next-line') nextLine.push({line: end + 1, rules})
    else toggles.push({line: start, rules, on: m[1] === 'enable'})
  }
  return (ruleId, line) => {
    if (nextLine.some((n) => n.line === line && (!n.rules || n.rules.includes(ruleId)))) return true
    let disabled = false
    for (const t of toggles) {
      if (t.line > line) break
      if (!t.rules || t.rules.includes(ruleId)) disabled = !t.on
    }
    return disabled
  }
}
