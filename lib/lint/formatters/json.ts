// `json`: an array of `{file, line, column, endLine, endColumn, ruleId, severity, message, url}` (SPEC §10).
import type {FormatInput} from './index.js'

// Machine-readable findings, one object each, fixes left out.
export function json({messages}: FormatInput): string {
  const rows = messages.map(({file, line, column, endLine, endColumn, ruleId, severity, message, url}) => ({file, line, column, endLine, endColumn, ruleId, severity, message, url}))
  return `${JSON.stringify(rows, null, 2)}\n`
}
