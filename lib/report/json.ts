// The `json` reporter: every event as one JSON object on its own line (NDJSON), for other programs.
import type {Writable} from 'node:stream'
import type {RunEvent} from '../events.js'
import type {Reporter} from './types.js'
import {writeAndFlush} from './write.js'

// One line per event, exactly the event's fields; JSON escaping keeps control characters inert.
export function createJsonReporter(out: Writable): Reporter {
  return {
    onEvent(event: RunEvent) {
      out.write(`${JSON.stringify(event)}\n`)
    },
    async close() {
      await writeAndFlush(out, '')
    },
  }
}
