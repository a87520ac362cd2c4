// Bounded capture of a stream: the first and last lines and, while it stays small, the whole text.
// A step printing 200 MB must not hold 200 MB: the evidence writer gets the full output from events.
import type {CapturedOutput} from '../result.js'

// Lines kept at each end, and the size up to which the whole text is kept as well.
export const captureLimits = {headLines: 100, tailLines: 100, lineBytes: 16_384, textBytes: 8 * 1024 * 1024}

// Accumulates chunks; `done()` gives the CapturedOutput of SPEC's result model.
export class OutputCapture {
  private head: string[] = []
  private tail: string[] = []
  private partial = ''
  private lines = 0
  private bytes = 0
  private whole: string[] | undefined = []

  // Add a chunk of text.
  write(chunk: string): void {
    if (chunk === '') return
    this.bytes += Buffer.byteLength(chunk)
    if (this.whole) {
      if (this.bytes <= captureLimits.textBytes) this.whole.push(chunk)
      else this.whole = undefined
    }
    let start = 0
    for (let at = chunk.indexOf('\n'); at !== -1; at = chunk.indexOf('\n', start)) {
      this.line(this.partial + chunk.slice(start, at))
      this.partial = ''
      start = at + 1
    }
    if (start < chunk.length) {
      this.partial += chunk.slice(start)
      if (this.partial.length > captureLimits.lineBytes * 4) this.partial = this.partial.slice(0, captureLimits.lineBytes * 4)
    }
  }

  // The whole text when it was kept (small output), else undefined.
  text(): string | undefined {
    if (!this.whole) return undefined
    if (this.whole.length > 1) this.whole = [this.whole.join('')]
    return this.whole[0] ?? ''
  }

  // The captured output so far.
  done(): CapturedOutput {
    if (this.partial !== '') {
      this.line(this.partial)
      this.partial = ''
    }
    const text = this.text()
    const omitted = Math.max(0, this.lines - this.head.length - this.tail.length)
    const captured: CapturedOutput = {
      head: this.head.join('\n') + (this.head.length > 0 && (this.tail.length > 0 || endsWithNewline(text)) ? '\n' : ''),
      tail: this.tail.length > 0 ? this.tail.join('\n') + (endsWithNewline(text) || text === undefined ? '\n' : '') : '',
      omittedLines: omitted,
      totalBytes: this.bytes,
    }
    if (text !== undefined) captured.text = text
    return captured
  }

  private line(text: string): void {
    this.lines++
    const kept = text.length > captureLimits.lineBytes ? `${text.slice(0, captureLimits.lineBytes)}…` : text
    if (this.head.length < captureLimits.headLines) {
      this.head.push(kept)
      return
    }
    this.tail.push(kept)
    if (this.tail.length > captureLimits.tailLines) this.tail.shift()
  }
}

function endsWithNewline(text: string | undefined): boolean {
  return text === undefined || text.endsWith('\n')
}

// An empty capture, for steps that never ran.
export function emptyOutput(): CapturedOutput {
  return {head: '', tail: '', omittedLines: 0, totalBytes: 0, text: ''}
}
