// Shared helpers of the write-back tests: parse a fixture, write it back, strip what the tool owns.
import {readFileSync} from 'node:fs'
import {parseRunbook} from '../../lib/parse/index.js'
import {createRedactor, type Redactor} from '../../lib/redact/index.js'
import {renderWriteBack} from '../../lib/writeback/index.js'
import type {Runbook} from '../../lib/model.js'
import type {RunResult} from '../../lib/result.js'
import {makeResult} from './make-result.js'
import {repoPath} from './paths.js'

export const none: Redactor = createRedactor([])

// The text of test/fixtures/writeback/NAME.
export function fixture(name: string): string {
  return readFileSync(repoPath('test/fixtures/writeback', name), 'utf8')
}

// Parse Markdown as the CLI would, failing loudly on parse errors.
export function parse(source: string): Runbook {
  const runbook = parseRunbook(source, {file: 'doc.md', dir: '/tmp'})
  const errors = runbook.diagnostics.filter((d) => d.severity === 'error')
  if (errors.length > 0) throw new Error(errors.map((d) => d.message).join('\n'))
  return runbook
}

// Write back a run of `source` whose results come from `make` (default: every step passed).
export function writeBack(
  source: string,
  options: {stable?: boolean; outputs?: boolean; update?: boolean; redactor?: Redactor; maxLines?: number} = {},
  make: (runbook: Runbook) => RunResult = (runbook) => makeResult(runbook),
): string {
  const runbook = parse(source)
  const writeOptions = {stable: options.stable ?? true, outputs: options.outputs ?? true, update: options.update ?? false, redactor: options.redactor ?? none}
  return renderWriteBack(runbook, make(runbook), options.maxLines === undefined ? writeOptions : {...writeOptions, maxLines: options.maxLines})
}

// The text with every output and summary region the tool inserted taken out again.
export function stripOwned(text: string): string {
  return text
    .replace(/\r?\n[ \t>]*<!-- runbook:output [\s\S]*?<!-- \/runbook:output -->/g, '')
    .replace(/\r?\n[ \t>]*\r?\n[ \t>]*<!-- runbook:summary -->[\s\S]*?<!-- \/runbook:summary -->/g, '')
}
