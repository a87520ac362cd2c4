// `github`: workflow commands, so GitHub Actions annotates the lines of the pull request.
import type {FormatInput} from './index.js'

// One `::error file=…,line=…::message` line per finding.
export function github({messages, cwd}: FormatInput): string {
  return messages
    .map((m) => {
      const level = m.severity === 'error' ? 'error' : m.severity === 'warning' ? 'warning' : 'notice'
      const file = m.file.startsWith(`${cwd}/`) ? m.file.slice(cwd.length + 1) : m.file
      const props = `file=${property(file)},line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn},title=${property(m.ruleId)}`
      return `::${level} ${props}::${data(m.message)}\n`
    })
    .join('')
}

function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
