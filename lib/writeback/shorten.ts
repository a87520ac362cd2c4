// Captured output as it goes into the document: head and tail with `… N lines omitted …`.
import type {CapturedOutput} from '../result.js'

// The displayed lines of an output, at most about `maxLines` of them (the evidence keeps it whole).
export function shortenOutput(output: CapturedOutput, maxLines: number): string {
  const limit = Math.max(2, maxLines)
  if (output.text !== undefined) {
    const lines = trimFinalNewline(output.text).split('\n')
    if (lines.length <= limit) return lines.join('\n')
    const head = Math.ceil(limit / 2)
    const tail = limit - head
    return [...lines.slice(0, head), omitted(lines.length - head - tail), ...lines.slice(lines.length - tail)].join('\n')
  }
  const head = trimFinalNewline(output.head)
  const tail = trimFinalNewline(output.tail)
  if (output.omittedLines <= 0 && tail === '') return head
  const parts = [head]
  if (output.omittedLines > 0) parts.push(omitted(output.omittedLines))
  if (tail !== '') parts.push(tail)
  return parts.filter((part, index) => part !== '' || index > 0).join('\n')
}

function omitted(count: number): string {
  return `… ${count} line${count === 1 ? '' : 's'} omitted …`
}

function trimFinalNewline(text: string): string {
  return text.replace(/\r?\n$/, '')
}
