// STUB — replaced by the reporters (issue 5).
import type {Writable} from 'node:stream'
import type {EventListener} from '../events.js'

export type ReporterName = 'tty' | 'plain' | 'json' | 'tap' | 'junit'
export interface Reporter {
  onEvent: EventListener
  close(): Promise<void>
}
export function createReporter(_name: ReporterName, out: Writable, _options: {color: boolean; columns?: number}): Reporter {
  return {
    onEvent(event) {
      if (event.type === 'step:end') out.write(`${event.result.status} ${event.stepId}\n`)
    },
    async close() {},
  }
}
export function createGithubActions(_env: Record<string, string | undefined>, _out: Writable): Reporter | undefined {
  return undefined
}
