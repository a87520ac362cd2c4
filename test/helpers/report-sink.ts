// Where reporter tests send a reporter's output: a writable that keeps the text, and a render
// helper that feeds a stream of events through a reporter and returns what it wrote.
import {Writable} from 'node:stream'
import type {RunEvent} from '../../lib/events.js'

// A writable that collects what a reporter writes; `isTTY`/`columns` make it look like a terminal.
export function collector(options: {tty?: boolean; columns?: number} = {}) {
  let text = ''
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding: string, done: () => void) {
      text += chunk.toString()
      done()
    },
  }) as Writable & {isTTY?: boolean; columns?: number}
  if (options.tty) {
    stream.isTTY = true
    stream.columns = options.columns ?? 80
  }
  return {stream, text: () => text}
}

// Feed events to a reporter, close it, and return what it wrote.
export async function render(
  create: (out: Writable) => {onEvent: (event: RunEvent) => void; close(): Promise<void>},
  events: RunEvent[],
  options: {tty?: boolean; columns?: number} = {},
): Promise<string> {
  const sink = collector(options)
  const reporter = create(sink.stream)
  for (const event of events) reporter.onEvent(event)
  await reporter.close()
  return sink.text()
}
