// `github`: workflow commands, so GitHub Actions annotates the lines of the pull request.
import {workflowCommand} from '../../report/workflow-commands.js'
import type {FormatInput} from './index.js'

// One `::error file=…,line=…::message` line per finding, written by the run reporters' command writer.
export function github({messages, cwd}: FormatInput): string {
  return messages
    .map((m) => {
      const level = m.severity === 'error' ? 'error' : m.severity === 'warning' ? 'warning' : 'notice'
      const file = m.file.startsWith(`${cwd}/`) ? m.file.slice(cwd.length + 1) : m.file
      const properties = {file, line: m.line, col: m.column, endLine: m.endLine, endColumn: m.endColumn, title: m.ruleId}
      return workflowCommand(level, properties, m.message)
    })
    .join('')
}
