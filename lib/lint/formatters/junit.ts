// `junit`: JUnit XML for CI test views (as markdownlint-cli2's and ESLint's junit formatters give):
// one <testsuite> per file with findings, one failed <testcase> per finding. Valid against schemas/junit.xsd.
import {element, openTag} from '../../report/xml.js'
import type {LintMessage} from '../types.js'
import type {FormatInput} from './index.js'

// The findings as a JUnit document; no findings is an empty <testsuites>.
export function junit({messages, cwd}: FormatInput): string {
  const byFile = new Map<string, LintMessage[]>()
  for (const m of messages) {
    const file = m.file.startsWith(`${cwd}/`) ? m.file.slice(cwd.length + 1) : m.file
    byFile.set(file, [...(byFile.get(file) ?? []), m])
  }
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', openTag('testsuites', {name: 'runbook lint', tests: messages.length, failures: messages.length})]
  for (const [file, found] of byFile) {
    lines.push(`  ${openTag('testsuite', {name: file, tests: found.length, failures: found.length, errors: 0, file})}`)
    for (const m of found) {
      lines.push(`    ${openTag('testcase', {name: `${m.ruleId} ${m.line}:${m.column}`, classname: file, file, line: m.line})}`)
      lines.push(`      ${element('failure', {message: m.message, type: m.severity}, `${file}:${m.line}:${m.column} ${m.severity} ${m.message} (${m.ruleId})\n${m.url}`)}`)
      lines.push('    </testcase>')
    }
    lines.push('  </testsuite>')
  }
  lines.push('</testsuites>')
  return `${lines.join('\n')}\n`
}
