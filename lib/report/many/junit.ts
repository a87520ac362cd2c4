// junit over many files: one `<testsuite>` per file under one `<testsuites>`, in file order.
import type {Writable} from 'node:stream'
import type {RunEvent} from '../../events.js'
import {seconds, suiteLines, suiteTotals} from '../junit.js'
import {applyEvent, createRunState, type RunState} from '../run-state.js'
import {writeAndFlush} from '../write.js'
import {element, openTag} from '../xml.js'
import type {FileOutcome, ManyReporter, ManyReporterOptions} from './types.js'

// The document is written once, at close; a file that could not run is a suite with one `<error>`.
export function createManyJunit(out: Writable, options: ManyReporterOptions): ManyReporter {
  const states = new Map<string, RunState>()
  const errors = new Map<string, FileOutcome>()
  return {
    start(file) {
      const state = createRunState()
      states.set(file, state)
      return {onEvent: (event: RunEvent) => applyEvent(state, event), close: async () => {}}
    },
    end(file, outcome) {
      if (!outcome.result && outcome.error) errors.set(file, outcome)
    },
    skip() {},
    async close() {
      const body: string[] = []
      const total = {tests: 0, failures: 0, errors: 0, skipped: 0, ms: 0}
      for (const file of options.files) {
        const state = states.get(file)
        const error = errors.get(file)
        if (error) {
          total.tests += 1
          total.errors += 1
          body.push(`  ${openTag('testsuite', {name: file, tests: 1, failures: 0, errors: 1, skipped: 0, time: '0.000', file})}`)
          body.push(`    ${openTag('testcase', {name: '(runbook)', classname: file, file, time: '0.000'})}`)
          body.push(`      ${element('error', {message: error.error!.split('\n').at(-1) ?? 'not run', type: 'invalid'}, error.error!)}`)
          body.push('    </testcase>', '  </testsuite>')
        } else if (state && state.runId) {
          const totals = suiteTotals(state)
          for (const key of ['tests', 'failures', 'errors', 'skipped', 'ms'] as const) total[key] += totals[key]
          body.push(...suiteLines(state))
        }
      }
      const head = openTag('testsuites', {name: 'runbook', tests: total.tests, failures: total.failures, errors: total.errors, skipped: total.skipped, time: seconds(total.ms)})
      await writeAndFlush(out, ['<?xml version="1.0" encoding="UTF-8"?>', head, ...body, '</testsuites>', ''].join('\n'))
    },
  }
}
