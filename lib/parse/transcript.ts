// `console` / `shell-session` transcripts → commands with the output printed after each (SPEC §3).
import type {TranscriptCommand} from '../model.js'

// Split a transcript into `$ ` commands (`> ` or trailing-`\` continuations) and their expected output.
export function parseTranscript(code: string, firstLine: number): TranscriptCommand[] {
  const lines = code.split(/\r?\n/)
  const commands: TranscriptCommand[] = []
  let current: {command: string[]; expected: string[]; line: number} | undefined
  const flush = () => {
    if (!current) return
    while (current.expected.length > 0 && current.expected[current.expected.length - 1]!.trim() === '') current.expected.pop()
    commands.push({command: current.command.join('\n'), expected: current.expected.join('\n'), line: current.line, expectedLine: current.line + current.command.length, expectedCount: current.expected.length})
  }
  let continuing = false
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    if (/^\$( |$)/.test(line)) {
      flush()
      const command = line.slice(2)
      current = {command: [command], expected: [], line: firstLine + index}
      continuing = /\\$/.test(command)
      continue
    }
    if (current && current.expected.length === 0 && (continuing || /^> /.test(line) || line === '>')) {
      const text = continuing && !/^>( |$)/.test(line) ? line : line.slice(2)
      current.command.push(text)
      continuing = /\\$/.test(text)
      continue
    }
    continuing = false
    if (current) current.expected.push(line)
  }
  flush()
  return commands
}
