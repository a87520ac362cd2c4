// json over many files: every event with the file it belongs to, plus `file:end` and `file:skip` lines.
import type {Writable} from 'node:stream'
import type {RunEvent} from '../../events.js'
import {writeAndFlush} from '../write.js'
import type {ManyReporter} from './types.js'

// NDJSON: `{"type":"step:end",…,"file":"docs/a.md"}`; each line is written whole, so parallel files interleave by line.
export function createManyJson(out: Writable): ManyReporter {
  const line = (value: object) => out.write(`${JSON.stringify(value)}\n`)
  return {
    start(file) {
      return {
        onEvent: (event: RunEvent) => line({...event, file}),
        close: async () => {},
      }
    },
    end(file, outcome) {
      line({type: 'file:end', at: Date.now(), file, exitCode: outcome.code, ...(outcome.error ? {error: outcome.error} : {})})
    },
    skip(file, why) {
      line({type: 'file:skip', at: Date.now(), file, reason: why})
    },
    close: () => writeAndFlush(out, ''),
  }
}
