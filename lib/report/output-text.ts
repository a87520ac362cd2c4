// The captured output of a step as text a reporter can print: bounded, sanitised.
import type {CapturedOutput} from '../result.js'
import {sanitizeOutput} from './sanitize.js'

// The whole kept output (head, an omission marker, tail), sanitised, without a final newline.
export function capturedText(output: CapturedOutput): string {
  const text = output.text ?? joinHeadTail(output)
  return sanitizeOutput(text).replace(/\n$/, '')
}

// The last `count` lines of the kept output, and how many earlier lines were left out.
export function lastLines(output: CapturedOutput, count: number): {lines: string[]; omitted: number} {
  const text = capturedText(output)
  if (text === '') return {lines: [], omitted: 0}
  const lines = text.split('\n')
  const shown = lines.slice(-count)
  return {lines: shown, omitted: lines.length - shown.length + (output.text === undefined ? output.omittedLines : 0)}
}

function joinHeadTail(output: CapturedOutput): string {
  if (!output.omittedLines && !output.tail) return output.head
  const head = output.head.endsWith('\n') || output.head === '' ? output.head : `${output.head}\n`
  const marker = output.omittedLines ? `… ${output.omittedLines} lines omitted …\n` : ''
  return `${head}${marker}${output.tail}`
}
