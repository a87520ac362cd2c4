// Questions on the terminal (confirmations, manual steps, missing inputs), one at a time.
import {Writable, type Readable} from 'node:stream'
import {lazyRequire} from '../lazy-require.js'
import type {Prompt} from './context.js'

// node:readline (which loads readline/promises with it) only when a question is asked: most runs ask none.
const load = lazyRequire(import.meta.url)

// A prompt over a terminal's stdin and stderr, or undefined when stdin is not a terminal.
export function terminalPrompt(stdin: (Readable & {isTTY?: boolean}) | undefined, out: Writable | undefined): Prompt | undefined {
  if (!stdin || stdin.isTTY !== true || !out) return undefined
  let queue: Promise<unknown> = Promise.resolve()
  return (question, options = {}) => {
    const asked = queue.then(() => ask(stdin, out, question, options.secret === true))
    queue = asked.catch(() => undefined)
    return asked
  }
}

function ask(stdin: Readable, out: Writable, question: string, secret: boolean): Promise<string> {
  let muted = false
  const echo = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) out.write(chunk)
      done()
    },
  })
  const {createInterface} = load('node:readline') as typeof import('node:readline')
  const lines = createInterface({input: stdin, output: echo, terminal: true})
  return new Promise((resolve) => {
    // Settle once: closing the interface emits 'close', which must not replace the answer.
    let settled = false
    const settle = (answer: string) => {
      if (settled) return
      settled = true
      resolve(answer)
      lines.close()
    }
    lines.question(question, (answer) => {
      if (secret) out.write('\n')
      settle(answer)
    })
    muted = secret
    // End of input (Ctrl-D) answers with nothing.
    lines.once('close', () => settle(''))
  })
}

// True for `y` / `yes`, any case.
export function isYes(answer: string): boolean {
  return /^\s*y(es)?\s*$/i.test(answer)
}
