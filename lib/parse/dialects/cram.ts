// cram `.t` files (SPEC §3): lines indented two spaces are a test (`  $ ` commands, `  > `
// continuations, expected output, `  [N]` exit codes); every other line is commentary. Each run of
// test lines becomes one transcript step, so a `.t` file runs like a document of `console` blocks.
import type {Step} from '../../model.js'
import type {ParseContext} from '../context.js'
import {parseTranscript} from '../transcript.js'

// The transcript steps of a cram file, in order; ids are handed out by the caller.
export function readCram(context: ParseContext): Step[] {
  const {source, locator} = context
  const lines = source.split('\n')
  const steps: Step[] = []
  let start = -1 // 0-based index of the chunk's first line
  const flush = (end: number) => {
    if (start < 0) return
    const last = end - 1
    const body = lines.slice(start, last + 1).map((line) => line.replace(/\r$/, '').slice(2))
    const code = body.join('\n')
    const from = locator.lineStart(start + 1)
    const to = locator.lineStart(last + 1) + lines[last]!.length
    const span = locator.span(from, to)
    steps.push({
      id: '',
      idSource: 'generated',
      runner: 'console',
      lang: 'cram',
      dialect: 'run-all',
      code,
      span,
      bodySpan: span,
      fence: {char: '`', length: 0, indent: 2},
      attributes: [],
      options: {retries: 0, delayMs: 1000, exit: {kind: 'codes', codes: [0]}, background: false, skip: false, manual: false, env: {}, allowFailure: false, always: true, tags: [], output: 'show'},
      needs: undefined,
      expectations: [],
      transcript: parseTranscript(code, start + 1),
      index: steps.length,
    })
    start = -1
  }
  lines.forEach((line, index) => {
    const test = /^ {2}\$ /.test(line) || (start >= 0 && line.startsWith('  '))
    if (test && start < 0) start = index
    else if (!test && start >= 0) flush(index)
  })
  flush(lines.length)
  return steps
}

// Whether a path names a cram test file.
export function isCramFile(file: string): boolean {
  return /\.t$/.test(file)
}
