// GitHub Actions: each step's output in a `::group::`, `::error` annotations at failing steps' lines,
// and a summary table appended to `$GITHUB_STEP_SUMMARY`.
import {randomHex} from '../random-hex.js'
import path from 'node:path'
import type {Writable} from 'node:stream'
import {formatDuration} from '../duration.js'
import type {RunEvent} from '../events.js'
import type {StepResult} from '../result.js'
import {failureDetails} from './failure-details.js'
import {applyEvent, createRunState, plannedStep, resultsInOrder, type RunState} from './run-state.js'
import {sanitizeOutput} from './sanitize.js'
import {renderStepSummary} from './step-summary.js'
import {createTailBuffer, type TailBuffer} from './tail-buffer.js'
import {isFailedStatus} from './status.js'
import type {Reporter} from './types.js'
import {workflowCommand} from './workflow-commands.js'
import {writeAndFlush} from './write.js'
import {fsPromises} from '../fs-promises.js'

const maxBuffered = 512 * 1024 // per step; the evidence keeps the whole output

// The GitHub Actions reporter, or undefined when not running in GitHub Actions.
export function createGithubActions(env: Record<string, string | undefined>, out: Writable): Reporter | undefined {
  if (env['GITHUB_ACTIONS'] !== 'true') return undefined
  const state = createRunState()
  const buffers = new Map<string, TailBuffer>()
  let summaryWritten = false
  // Steps may run concurrently: each step's output is kept and printed as one group when it ends.
  const onEnd = (result: StepResult) => {
    const buffer = buffers.get(result.id)
    buffers.delete(result.id)
    if (result.status === 'not-run' || result.status === 'skipped' || result.status === 'manual') return
    out.write(group(result, buffer))
    if (isFailedStatus(result.status)) out.write(annotation(result, state, env))
  }
  return {
    onEvent(event: RunEvent) {
      applyEvent(state, event)
      if (event.type === 'step:output') {
        let buffer = buffers.get(event.stepId)
        if (!buffer) buffers.set(event.stepId, (buffer = createTailBuffer(maxBuffered)))
        buffer.push(event.chunk)
      } else if (event.type === 'step:end') {
        onEnd(event.result)
      }
    },
    async close() {
      const file = env['GITHUB_STEP_SUMMARY']
      if (file && !summaryWritten && (state.final || state.planned.length)) {
        summaryWritten = true
        const lines = new Map(state.planned.map((step) => [step.id, step.line]))
        const {appendFile} = fsPromises()
        await appendFile(file, renderStepSummary(state.runbook, resultsInOrder(state), state.final, lines))
      }
      await writeAndFlush(out, '')
    },
  }
}

// `::group::id (status, 1.2s)`, the output with workflow commands switched off, `::endgroup::`.
function group(result: StepResult, buffer: TailBuffer | undefined): string {
  const title = `${result.id} (${result.status}${result.attempts > 0 ? `, ${formatDuration(result.durationMs)}` : ''})`
  const text = buffer ? sanitizeOutput(buffer.text()).replace(/\n$/, '') : ''
  const dropped = buffer?.dropped() ? `… ${buffer.dropped()} characters omitted (see the evidence logs) …\n` : ''
  // Output may itself hold `::` commands (`::add-mask::`, `::error::`): stop-commands keeps them inert.
  const token = randomHex(12)
  return (
    workflowCommand('group', {}, title) +
    `::stop-commands::${token}\n` +
    dropped +
    (text ? `${text}\n` : '(no output)\n') +
    `::${token}::\n` +
    '::endgroup::\n'
  )
}

// `::error file=…,line=…,title=…::reason, expectation diffs, HTTP failures` (a warning for allowed failures).
function annotation(result: StepResult, state: RunState, env: Record<string, string | undefined>): string {
  const step = plannedStep(state, result.id)
  const message = failureDetails(result, {output: false}) // the output is in the group just above
    .map((line) => `${'  '.repeat(line.depth)}${line.text}`)
    .join('\n')
  return workflowCommand(
    result.allowedFailure ? 'warning' : 'error',
    {file: annotationPath(state.runbook, env), line: step?.line, title: `runbook: step ${result.id} ${result.status.replace('-', ' ')}`},
    message || result.status,
  )
}

// Annotations need the path from the repository root: relative to $GITHUB_WORKSPACE when inside it.
function annotationPath(file: string, env: Record<string, string | undefined>): string {
  const workspace = env['GITHUB_WORKSPACE']
  if (!workspace || !path.isAbsolute(file)) return file
  const relative = path.relative(workspace, file)
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/')
}
