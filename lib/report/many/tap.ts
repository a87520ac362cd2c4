// tap over many files: TAP 14 with one subtest per file (its steps as indented test points), in file order.
import type {Writable} from 'node:stream'
import {sanitizeLine} from '../sanitize.js'
import {createTapReporter} from '../tap.js'
import {writeAndFlush} from '../write.js'
import {createTextBuffer, type TextBuffer} from './buffer.js'
import {createInOrder} from './in-order.js'
import type {ManyReporter, ManyReporterOptions} from './types.js'

// `# Subtest: docs/a.md`, the file's own TAP indented four spaces, then `ok 1 - docs/a.md`.
export function createManyTap(out: Writable, options: ManyReporterOptions): ManyReporter {
  const buffers = new Map<string, TextBuffer>()
  let count = 0
  // A point is numbered when it is written, so numbers follow file order whatever order files end in.
  const order = createInOrder(options.files, (text) => out.write(text.replace(/\u0000(?=[^\u0000]*$)/, () => String(++count))))
  out.write('TAP version 14\n')
  const point = (file: string, ok: boolean, directive: string, body: string) => {
    order.put(file, `${body}${ok ? 'ok' : 'not ok'} \u0000 - ${escape(file)}${directive}\n`)
  }
  return {
    start(file) {
      const buffer = createTextBuffer()
      buffers.set(file, buffer)
      return createTapReporter(buffer)
    },
    end(file, outcome) {
      const child = (buffers.get(file)?.text() ?? '').replace(/^TAP version 14\n/, '')
      buffers.delete(file)
      const lines = child ? child.replace(/\n$/, '').split('\n').map((line) => `    ${line}`) : []
      if (!outcome.result && outcome.error) lines.push('    1..0 # could not run', ...outcome.error.replace(/\n$/, '').split('\n').map((line) => `    # ${sanitizeLine(line)}`))
      point(file, outcome.code === 0, '', `# Subtest: ${escape(file)}\n${lines.join('\n')}\n`)
    },
    skip(file, why) {
      point(file, true, ` # SKIP ${escape(why)}`, '')
    },
    async close() {
      order.flush()
      await writeAndFlush(out, `1..${count}\n`)
    },
  }
}

function escape(text: string): string {
  return sanitizeLine(text).replace(/\\/g, '\\\\').replace(/#/g, '\\#')
}
