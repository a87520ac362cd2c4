// The `junit` reporter: JUnit XML that CI servers read — one testsuite for the runbook, one testcase per step.
import {hostname} from 'node:os'
import type {Writable} from 'node:stream'
import type {RunEvent} from '../events.js'
import type {StepResult} from '../result.js'
import {asHostStep} from './human-lines.js'
import {capturedText} from './output-text.js'
import {checkLine} from './failure-details.js'
import {applyEvent, createRunState, plannedStep, resultsInOrder, type RunState} from './run-state.js'
import {isFailedStatus, isSkippedStatus, statusLabel} from './status.js'
import type {Reporter} from './types.js'
import {writeAndFlush} from './write.js'
import {element, openTag} from './xml.js'

// The whole document is written once, when the run ends (or at close, for a run that ended abruptly).
export function createJunitReporter(out: Writable): Reporter {
  const state = createRunState()
  let written = false
  const finish = () => {
    if (written) return
    written = true
    out.write(renderJunit(state))
  }
  return {
    onEvent(event: RunEvent) {
      applyEvent(state, event)
      if (event.type === 'run:end') finish()
    },
    async close() {
      finish()
      await writeAndFlush(out, '')
    },
  }
}

// The JUnit XML document for the run as the state knows it.
export function renderJunit(state: RunState): string {
  const suite = suiteTotals(state)
  return ['<?xml version="1.0" encoding="UTF-8"?>', openTag('testsuites', {name: suite.name, tests: suite.tests, failures: suite.failures, errors: suite.errors, skipped: suite.skipped, time: suite.time}), ...suiteLines(state), '</testsuites>', ''].join('\n')
}

// A run's name, counts and time, as its `<testsuite>` (and a many-file `<testsuites>`) states them.
export function suiteTotals(state: RunState): {name: string; tests: number; failures: number; errors: number; skipped: number; time: string; ms: number} {
  // A step on a fleet is one testcase per host (`restart@web1`), SPEC §13.
  const results = resultsInOrder(state).flatMap((result) => (result.hosts ? result.hosts.map(asHostStep) : [result]))
  const counts = {tests: results.length, failures: 0, errors: 0, skipped: 0}
  for (const result of results) {
    const kind = verdict(result)
    if (kind !== 'passed') counts[kind] += 1
  }
  const ms = state.final?.durationMs ?? results.reduce((sum, result) => sum + result.durationMs, 0)
  return {name: state.runbook || 'runbook', ...counts, time: seconds(ms), ms}
}

// The `<testsuite>` element of one run, indented two spaces, as lines.
export function suiteLines(state: RunState): string[] {
  const results = resultsInOrder(state).flatMap((result) => (result.hosts ? result.hosts.map(asHostStep) : [result]))
  const final = state.final
  const {ms: _ms, ...suite} = suiteTotals(state)
  const lines: string[] = []
  lines.push(
    `  ${openTag('testsuite', {
      ...suite,
      timestamp: final?.startedAt ?? new Date(state.startedAt).toISOString(),
      hostname: final?.host ?? hostname(),
      file: state.runbook || undefined,
    })}`,
  )
  const properties: Array<[string, string | undefined]> = [
    ['runId', final?.runId ?? (state.runId || undefined)],
    ['version', final?.version],
    ['commit', final?.commit],
    ['interrupted', final?.interrupted],
    ['dryRun', state.dryRun ? 'true' : undefined],
  ]
  const present = properties.filter(([, value]) => value !== undefined)
  if (present.length) {
    lines.push('    <properties>')
    for (const [name, value] of present) lines.push(`      ${openTag('property', {name, value}, true)}`)
    lines.push('    </properties>')
  }
  for (const result of results) lines.push(...testcase(result, state))
  lines.push('  </testsuite>')
  return lines
}

function testcase(result: StepResult, state: RunState): string[] {
  const step = plannedStep(state, result.id)
  const attributes = {
    name: result.id,
    classname: state.runbook || 'runbook',
    file: state.runbook || undefined,
    line: step?.line,
    time: seconds(result.durationMs),
  }
  const children: string[] = []
  const kind = verdict(result)
  if (kind === 'skipped') {
    const why = result.reason ? `${statusLabel(result)}: ${result.reason}` : statusLabel(result)
    children.push(openTag('skipped', {message: why}, true))
  } else if (kind === 'failures' || kind === 'errors') {
    const name = kind === 'failures' ? 'failure' : 'error'
    children.push(element(name, {message: result.reason ?? result.status, type: result.status}, failureText(result)))
  }
  const stdout = capturedText(result.stdout)
  const stderr = capturedText(result.stderr)
  if (stdout) children.push(element('system-out', {}, stdout))
  if (stderr) children.push(element('system-err', {}, stderr))
  if (children.length === 0) return [`    ${openTag('testcase', attributes, true)}`]
  return [`    ${openTag('testcase', attributes)}`, ...children.map((child) => `      ${child}`), '    </testcase>']
}

// Failed steps and broken checks are failures; timeouts and interruptions are errors; allowed failures skip.
function verdict(result: StepResult): 'passed' | 'failures' | 'errors' | 'skipped' {
  if (isSkippedStatus(result.status) || (result.allowedFailure && isFailedStatus(result.status))) return 'skipped'
  if (result.status === 'failed') return 'failures'
  if (isFailedStatus(result.status)) return 'errors'
  return 'passed'
}

function failureText(result: StepResult): string {
  const parts: string[] = []
  if (result.reason) parts.push(result.reason)
  for (const failure of result.expectationFailures) {
    parts.push(`expectation ${failure.index + 1}: ${failure.message}`)
    if (failure.diff) parts.push(failure.diff.replace(/\n$/, ''))
  }
  for (const check of result.checks.filter((c) => !c.ok)) {
    parts.push(checkLine(check), ...check.failures.map((failure) => `  ${failure}`))
    if (check.bodyStart) parts.push(`  body: ${check.bodyStart.slice(0, 500)}`)
  }
  return parts.join('\n')
}

// Milliseconds as JUnit's seconds with three decimals.
export function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3)
}
