// `codequality`: GitLab's Code Quality report (a JSON array of issues), so merge requests show the
// findings inline, as markdownlint-cli2's codequality formatter gives.
import {createHash} from 'node:crypto'
import type {FormatInput} from './index.js'

const severities = {error: 'major', warning: 'minor', info: 'info'} as const

// One issue per finding; the fingerprint is stable for the same finding on the same line.
export function codequality({messages, cwd}: FormatInput): string {
  const issues = messages.map((m) => {
    const file = m.file.startsWith(`${cwd}/`) ? m.file.slice(cwd.length + 1) : m.file
    return {
      type: 'issue',
      check_name: m.ruleId,
      description: m.message,
      severity: severities[m.severity],
      fingerprint: createHash('sha256').update(`${file}\0${m.line}\0${m.column}\0${m.ruleId}\0${m.message}`).digest('hex'),
      location: {path: file, lines: {begin: m.line, end: m.endLine}},
    }
  })
  return `${JSON.stringify(issues, null, 2)}\n`
}
