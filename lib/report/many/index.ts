// Many-file reporters registered by name: each reporter name has a form that reports a run of many files.
import type {Writable} from 'node:stream'
import type {ReporterName} from '../types.js'
import {createManyHtml} from '../html/index.js'
import {createManyHuman} from './human.js'
import {createManyJson} from './json.js'
import {createManyJunit} from './junit.js'
import {createManyTap} from './tap.js'
import type {ManyReporter, ManyReporterOptions} from './types.js'

export type {FileOutcome, ManyReporter, ManyReporterOptions} from './types.js'

// The registry: a reporter name and the function that builds its many-file form.
export const manyReporters: Record<ReporterName, (out: Writable, options: ManyReporterOptions) => ManyReporter> = {
  html: createManyHtml,
  json: (out) => createManyJson(out),
  junit: createManyJunit,
  plain: createManyHuman,
  tap: createManyTap,
  tty: createManyHuman,
}

// The many-file reporter `--reporter NAME` selects, writing to `out`.
export function createManyReporter(name: ReporterName, out: Writable, options: ManyReporterOptions): ManyReporter {
  return manyReporters[name](out, options)
}
