// `sarif`: SARIF 2.1.0, the log format GitHub code scanning uploads (`github/codeql-action/upload-sarif`).
import path from 'node:path'
import {rules} from '../rules/index.js'
import type {FormatInput} from './index.js'

// One run of the `runbook` tool with every rule described and every finding as a result.
export function sarif({messages, cwd, version}: FormatInput): string {
  const index = new Map(rules.map((r, i) => [r.meta.id, i]))
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'runbook',
            informationUri: 'https://github.com/runbook-dev/runbook',
            version,
            semanticVersion: version,
            rules: rules.map((r) => ({
              id: r.meta.id,
              name: r.meta.id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
              shortDescription: {text: r.meta.description},
              fullDescription: {text: r.meta.description},
              helpUri: r.meta.url,
              help: {text: `${r.meta.description}. See ${r.meta.url}`},
              defaultConfiguration: {level: r.meta.severity},
              properties: {tags: ['runbook']},
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: messages.map((m) => ({
          ruleId: m.ruleId,
          ...(index.has(m.ruleId) ? {ruleIndex: index.get(m.ruleId)} : {}),
          level: m.severity === 'info' ? 'note' : m.severity,
          message: {text: m.message},
          locations: [
            {
              physicalLocation: {
                artifactLocation: {uri: uri(m.file, cwd), ...(path.isAbsolute(m.file) && !m.file.startsWith(`${cwd}/`) ? {} : {uriBaseId: '%SRCROOT%'})},
                region: {startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: Math.max(m.endColumn, m.endLine === m.line ? m.column : 1)},
              },
            },
          ],
        })),
      },
    ],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}

// A relative URI from the project root (what code scanning needs to place the alert), else a file: URI.
function uri(file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file)
  const relative = path.relative(cwd, absolute)
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) return relative.split(path.sep).map(encodeURIComponent).join('/')
  return `file://${absolute.split(path.sep).map(encodeURIComponent).join('/')}`
}
