// `$ ` prompts in shell steps (SPEC §1): the commands of a block pasted from a terminal, with the
// prompts removed and the example output left out, as Runme runs such blocks.

// One line of a prompted block and what it is.
export interface PromptLine {
  kind: 'command' | 'continuation' | 'output'
  text: string // the line as it runs (prompt removed); the line as written for output
}

const prompt = /^[ \t]*\$ /

// Whether a shell block is written as a terminal session: its first non-blank line starts with `$ `.
export function hasPrompts(code: string): boolean {
  const first = code.split('\n').find((line) => line.trim() !== '')
  return first !== undefined && prompt.test(first)
}

// Classify each line: `$ ` commands, their continuation lines (`\`, an open quote or here-document,
// a trailing `|`, `&&` or `||`; a `> ` prompt on them is removed too), and pasted output.
export function classifyPromptLines(code: string): PromptLine[] {
  const out: PromptLine[] = []
  let open: string | undefined // the command text so far, while it continues
  for (const raw of code.split('\n')) {
    const line = raw.replace(/\r$/, '')
    if (open !== undefined) {
      const text = /^> /.test(line) ? line.slice(2) : line
      out.push({kind: 'continuation', text})
      open = continues(`${open}\n${text}`) ? `${open}\n${text}` : undefined
      continue
    }
    const match = prompt.exec(line)
    if (match) {
      const text = line.slice(match[0].length)
      out.push({kind: 'command', text})
      open = continues(text) ? text : undefined
      continue
    }
    out.push({kind: 'output', text: line})
  }
  return out
}

// The script a prompted block runs: its commands and continuations, prompts removed.
// Undefined when the block has no prompt (it runs as written).
export function promptedScript(code: string): string | undefined {
  if (!hasPrompts(code)) return undefined
  return classifyPromptLines(code)
    .filter((line) => line.kind !== 'output')
    .map((line) => line.text)
    .join('\n')
}

// Whether shell text so far needs another line: a trailing backslash, an open quote or
// here-document, or a trailing pipe or list operator.
function continues(text: string): boolean {
  const state = scan(text)
  if (state.quote !== undefined || state.heredocs.length > 0) return true
  const last = state.lastLine
  if (/(^|[^\\])(\\\\)*\\$/.test(last)) return true
  return /(\|\||&&|\|)[ \t]*$/.test(state.lastCode)
}

// A small shell lexer: which quote is open, which here-documents wait for their terminator.
function scan(text: string): {quote: string | undefined; heredocs: string[]; lastLine: string; lastCode: string} {
  let quote: string | undefined
  const heredocs: string[] = []
  const lines = text.split('\n')
  let lastCode = ''
  for (const line of lines) {
    if (quote === undefined && heredocs.length > 0) {
      const word = heredocs[0]!
      if (line.replace(/^\t+/, '') === word) heredocs.shift()
      lastCode = ''
      continue
    }
    let code = ''
    for (let at = 0; at < line.length; at++) {
      const char = line[at]!
      if (quote === "'") {
        if (char === "'") quote = undefined
        continue
      }
      if (quote === '"') {
        if (char === '\\') at++
        else if (char === '"') quote = undefined
        continue
      }
      if (char === '\\') {
        at++
        code += '  '
        continue
      }
      if (char === '#' && (at === 0 || /[\s;&|(]/.test(line[at - 1]!))) break
      if (char === "'" || char === '"') {
        quote = char
        continue
      }
      if (char === '<' && line[at + 1] === '<' && line[at + 2] !== '<') {
        const here = /^<<-?[ \t]*(['"]?)([A-Za-z0-9_.-]+)\1/.exec(line.slice(at))
        if (here) {
          heredocs.push(here[2]!)
          at += here[0].length - 1
          continue
        }
      }
      code += char
    }
    lastCode = code
  }
  return {quote, heredocs, lastLine: lines[lines.length - 1] ?? '', lastCode}
}
