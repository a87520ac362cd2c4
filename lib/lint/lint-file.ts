// Lint one file on disk (read, cache lookup, lint, optional fix), the unit of work of every worker.
import {renameSync, writeFileSync, statSync} from 'node:fs'
import path from 'node:path'
import type {LintConfig} from './config.js'
import {applyFixes} from './fix.js'
import {lintSource} from './lint-source.js'
import {readSource} from './read-source.js'
import type {LintMessage} from './types.js'

// The outcome for one file; `deps` and `hash` feed the cache.
export interface FileResult {
  file: string
  messages: LintMessage[]
  fixed: number
  hash?: string
  deps: Record<string, boolean>
  error?: string
}

// Lint `absolute`, shown as `name`; with `fix`, safe fixes are written back and the file re-linted.
export function lintFile(absolute: string, name: string, options: {config: LintConfig; fix: boolean; source?: string}): FileResult {
  const read = options.source !== undefined ? {source: options.source} : readSource(absolute, name)
  if ('error' in read) return {file: name, messages: [], fixed: 0, deps: {}, error: read.error}
  let source = read.source
  const dir = path.dirname(absolute)
  let deps: Record<string, boolean> = {}
  let messages = lintSource(source, {file: name, dir, config: options.config, deps})
  let fixed = 0
  if (options.fix && messages.some((m) => m.fix)) {
    const result = applyFixes(source, messages)
    if (result.applied > 0) {
      const temp = path.join(dir, `.${path.basename(absolute)}.${process.pid}.runbook-fix`)
      writeFileSync(temp, result.text, {mode: statSync(absolute).mode})
      renameSync(temp, absolute)
      source = result.text
      fixed = result.applied
      deps = {}
      messages = lintSource(source, {file: name, dir, config: options.config, deps})
    }
  }
  return {file: name, messages, fixed, deps}
}
