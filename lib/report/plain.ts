// The `plain` reporter: one stable line per event, for logs and anything that is not a terminal.
import type {Writable} from 'node:stream'
import type {RunEvent} from '../events.js'
import {formatDuration} from '../duration.js'
import {createPalette} from './colors.js'
import {checkLine} from './failure-details.js'
import {asHostStep, detailBlock, hostLine, stepLine, summaryLines} from './human-lines.js'
import {applyEvent, createRunState, plannedStep, resultsInOrder} from './run-state.js'
import {sanitizeLine} from './sanitize.js'
import type {Reporter, ReporterOptions} from './types.js'
import {writeAndFlush} from './write.js'

// Steps are printed as they end (`✓ id (1.2s)`, `✗ id — reason` and its details), then a summary line.
export function createPlainReporter(out: Writable, options: ReporterOptions): Reporter {
  const palette = createPalette(options.color)
  const state = createRunState()
  const printed = new Set<string>()
  let finished = false
  const write = (lines: string[]) => {
    if (lines.length) out.write(`${lines.join('\n')}\n`)
  }
  const finish = () => {
    if (finished) return
    finished = true
    // A run that never started (a missing input, an invalid runbook) has no summary to print.
    if (state.runId === '') return
    const results = resultsInOrder(state)
    const lines: string[] = []
    for (const result of results) {
      if (printed.has(result.id)) continue
      lines.push(stepLine(result, palette), ...detailBlock(result, palette))
    }
    lines.push(...summaryLines(results, state.final, Date.now() - state.startedAt, palette))
    write(lines)
  }
  return {
    onEvent(event: RunEvent) {
      applyEvent(state, event)
      switch (event.type) {
        case 'run:start':
          write([palette.bold(`${event.dryRun ? 'Dry run of' : 'Running'} ${sanitizeLine(event.runbook)} (${event.steps.length} step${event.steps.length === 1 ? '' : 's'})`)])
          break
        case 'step:retry':
          write([palette.yellow(`↻ ${event.stepId} — attempt ${event.attempt} failed: ${sanitizeLine(event.reason)}; retrying in ${formatDuration(event.delayMs)}`)])
          break
        case 'check':
          // Check-table rows one by one; an http step's single check shows with its verdict.
          if (plannedStep(state, event.stepId)?.kind !== 'table') break
          write([`  ${event.stepId}: ${event.check.ok ? palette.green(checkLine(event.check)) : palette.red(checkLine(event.check))}`])
          break
        case 'service:ready':
          write([palette.cyan(`● ${event.stepId} ready`)])
          break
        case 'service:stop':
          write([palette.dim(`○ ${event.stepId} stopped`)])
          break
        case 'warning':
          write([palette.yellow(`! ${event.stepId ? `${event.stepId}: ` : ''}${sanitizeLine(event.message)}`)])
          break
        case 'host:end':
          write([hostLine(event.result, palette), ...detailBlock(asHostStep(event.result), palette)])
          break
        case 'step:end':
          printed.add(event.stepId)
          write([stepLine(event.result, palette), ...detailBlock(event.result, palette)])
          break
        case 'run:end':
          finish()
          break
        default:
          break
      }
    },
    async close() {
      finish()
      await writeAndFlush(out, '')
    },
  }
}
