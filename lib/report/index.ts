// Reporters over the event stream, registered by name (SPEC §7): tty, plain, json, tap, junit, html; and GitHub Actions.
import type {Writable} from 'node:stream'
import {createJsonReporter} from './json.js'
import {createLazyHtmlReporter} from './html/lazy.js'
import {createJunitReporter} from './junit.js'
import {createPlainReporter} from './plain.js'
import {createTapReporter} from './tap.js'
import {createTtyReporter} from './tty.js'
import type {Reporter, ReporterName, ReporterOptions} from './types.js'

export type {Reporter, ReporterName, ReporterOptions} from './types.js'
export {createGithubActions} from './github.js'
export {sanitizeOutput, sanitizeLine} from './sanitize.js'
export {workflowCommand, escapeData, escapeProperty} from './workflow-commands.js'

// The registry: each reporter name and the function that builds it.
export const reporters: Record<ReporterName, (out: Writable, options: ReporterOptions) => Reporter> = {
  html: (out, options) => createLazyHtmlReporter(out, options),
  json: (out) => createJsonReporter(out),
  junit: (out) => createJunitReporter(out),
  plain: createPlainReporter,
  tap: (out) => createTapReporter(out),
  tty: createTtyReporter,
}

// The reporter `--reporter NAME` selects, writing to `out`.
export function createReporter(name: ReporterName, out: Writable, options: ReporterOptions): Reporter {
  const create = reporters[name]
  if (!create) throw new TypeError(`unknown reporter \`${String(name)}\``)
  return create(out, options)
}
