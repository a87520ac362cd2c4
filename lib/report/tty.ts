// The `tty` reporter: a live view on a terminal — finished steps scroll up, running steps redraw below.
import type {Writable} from 'node:stream'
import {formatDuration} from '../duration.js'
import type {RunEvent} from '../events.js'
import {createPalette, type Palette} from './colors.js'
import {checkLine} from './failure-details.js'
import {detailBlock, hostLine, stepLine, summaryLines} from './human-lines.js'
import {applyEvent, createRunState, resultsInOrder, type RunState} from './run-state.js'
import {sanitizeLine} from './sanitize.js'
import {isFailedStatus} from './status.js'
import {eraseLines, fit, hideCursor, showCursor, spinnerFrames} from './terminal.js'
import type {Reporter, ReporterOptions} from './types.js'
import {writeAndFlush} from './write.js'

const tickMs = 80 // spinner speed, and the most often output can trigger a redraw
const maxRunningShown = 8

// A live view: `⠋ id 1.2s` plus the step's last output line for each running step, redrawn at most every tick.
export function createTtyReporter(out: Writable, options: ReporterOptions): Reporter {
  const palette = createPalette(options.color)
  const columns = Math.max(20, options.columns || 80) // a pty without a size reports 0
  const state = createRunState()
  const printed = new Set<string>()
  let live = 0 // lines of the live area currently on screen
  let frame = 0
  let lastDraw = 0
  let timer: NodeJS.Timeout | undefined
  let active = false
  let finished = false

  const redraw = (permanent: string[] = []) => {
    const lines = active ? liveArea(state, palette, columns, spinnerFrames[frame % spinnerFrames.length]!) : []
    let text = eraseLines(live)
    if (permanent.length) text += `${permanent.join('\n')}\n`
    if (lines.length) text += `${lines.join('\n')}\n`
    live = lines.length
    lastDraw = Date.now()
    if (text) out.write(text)
  }
  const start = () => {
    if (active || finished) return
    active = true
    out.write(hideCursor)
    timer = setInterval(() => {
      frame += 1
      if (state.running.size) redraw()
    }, tickMs)
    timer.unref()
  }
  const finish = () => {
    if (finished) return
    finished = true
    if (!active && state.results.size === 0) return // nothing was ever shown
    active = false
    if (timer) clearInterval(timer)
    const results = resultsInOrder(state)
    const lines = results.filter((result) => !printed.has(result.id)).map((result) => stepLine(result, palette))
    const failures = results.filter((result) => isFailedStatus(result.status))
    if (failures.length) {
      lines.push('', palette.bold('Failures:'))
      for (const result of failures) lines.push('', `  ${stepLine(result, palette)}`, ...detailBlock(result, palette, '      '))
    }
    lines.push('', ...summaryLines(results, state.final, Date.now() - state.startedAt, palette))
    redraw(lines)
    out.write(showCursor)
  }

  return {
    onEvent(event: RunEvent) {
      if (finished) return
      applyEvent(state, event)
      switch (event.type) {
        case 'run:start':
          start()
          redraw([palette.bold(`${event.dryRun ? 'Dry run of' : 'Running'} ${sanitizeLine(event.runbook)} (${event.steps.length} step${event.steps.length === 1 ? '' : 's'})`)])
          break
        case 'step:start':
          start()
          redraw()
          break
        case 'step:output':
        case 'step:retry':
          if (Date.now() - lastDraw >= tickMs) redraw()
          break
        case 'check': {
          const running = state.running.get(event.stepId)
          if (running) running.lastLine = checkLine(event.check)
          if (Date.now() - lastDraw >= tickMs) redraw()
          break
        }
        case 'host:end':
          redraw([hostLine(event.result, palette)])
          break
        case 'step:end':
          printed.add(event.stepId)
          redraw([stepLine(event.result, palette)])
          break
        case 'service:ready':
          redraw([palette.cyan(`● ${event.stepId} ready`)])
          break
        case 'warning':
          redraw([palette.yellow(`! ${event.stepId ? `${event.stepId}: ` : ''}${sanitizeLine(event.message)}`)])
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

// The lines under the finished steps: each running step with its spinner and last output line, then progress.
function liveArea(state: RunState, palette: Palette, columns: number, spinner: string): string[] {
  const now = Date.now()
  const lines: string[] = []
  const running = [...state.running.values()]
  for (const step of running.slice(0, maxRunningShown)) {
    const attempt = step.attempt > 1 ? ` attempt ${step.attempt}` : ''
    const elapsed = formatDuration(Math.max(0, now - step.startedAt))
    const head = fit(`${step.id}`, columns - elapsed.length - attempt.length - 4)
    lines.push(`${palette.cyan(spinner)} ${head} ${palette.dim(`${elapsed}${attempt}`)}`)
    if (step.lastLine) lines.push(`  ${palette.dim(fit(`│ ${step.lastLine}`, columns - 3))}`)
  }
  if (running.length > maxRunningShown) lines.push(palette.dim(`  … and ${running.length - maxRunningShown} more running`))
  const total = Math.max(state.planned.length, state.results.size)
  lines.push(palette.dim(fit(`${state.results.size}/${total} steps done · ${formatDuration(now - state.startedAt)}`, columns - 1)))
  return lines
}
