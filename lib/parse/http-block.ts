// `http` blocks → HttpRequestSpec: request line, headers, body, [Asserts] and [Captures] (SPEC §4).
import type {HttpCapture, HttpRequestSpec} from '../model.js'
import {parseAssertLine, parseQuery} from './http-assert.js'

// A problem in a block's text: 0-based line within the block and 0-based column.
export interface BlockProblem {
  message: string
  line: number
  column: number
}

const methods = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE|CONNECT|[A-Z]+)$/

// Parse the content of an `http` block; `firstLine` is the source line of its first content line.
export function parseHttpBlock(code: string, firstLine: number): {request: HttpRequestSpec; problems: BlockProblem[]} {
  const lines = code.split(/\r?\n/)
  const problems: BlockProblem[] = []
  const request: HttpRequestSpec = {method: 'GET', url: '', headers: [], asserts: [], captures: []}
  let index = 0
  while (index < lines.length && (lines[index]!.trim() === '' || lines[index]!.trimStart().startsWith('#'))) index++
  if (index >= lines.length) {
    problems.push({message: 'empty http block: expected `METHOD URL`', line: 0, column: 0})
    return {request, problems}
  }
  const requestLine = lines[index]!.trim().split(/\s+/)
  if (requestLine.length === 1) request.url = requestLine[0]!
  else {
    if (!methods.test(requestLine[0]!)) problems.push({message: `expected an HTTP method such as GET or POST, got \`${requestLine[0]}\``, line: index, column: 0})
    request.method = requestLine[0]!
    request.url = requestLine[1]!
    if (requestLine.length > 2 && !/^HTTP\//.test(requestLine[2]!)) problems.push({message: `unexpected \`${requestLine.slice(2).join(' ')}\` after the URL`, line: index, column: lines[index]!.indexOf(requestLine[2]!)})
  }
  index++
  let section: 'headers' | 'body' | 'asserts' | 'captures' = 'headers'
  const body: string[] = []
  for (; index < lines.length; index++) {
    const line = lines[index]!
    const trimmed = line.trim()
    const header = /^\[(Asserts|Captures)\]$/i.exec(trimmed)
    if (header) {
      section = header[1]!.toLowerCase() as 'asserts' | 'captures'
      continue
    }
    if (section === 'headers') {
      if (trimmed === '') {
        section = 'body'
        continue
      }
      const colon = line.indexOf(':')
      if (colon <= 0) problems.push({message: `expected a header \`Name: value\` or a blank line before the body, got \`${trimmed}\``, line: index, column: 0})
      else request.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()])
      continue
    }
    if (section === 'body') {
      body.push(line)
      continue
    }
    if (trimmed === '' || trimmed.startsWith('#')) continue
    if (section === 'asserts') {
      const parsed = parseAssertLine(line, firstLine + index)
      if (parsed.ok) request.asserts.push(parsed.assert)
      else problems.push({message: `invalid assert: ${parsed.message}`, line: index, column: parsed.column})
      continue
    }
    const capture = parseCapture(line, firstLine + index)
    if ('message' in capture) problems.push({...capture, line: index})
    else request.captures.push(capture)
  }
  while (body.length > 0 && body[body.length - 1]!.trim() === '') body.pop()
  if (body.length > 0) request.body = body.join('\n')
  return {request, problems}
}

// One `NAME: query` capture line.
function parseCapture(line: string, sourceLine: number): HttpCapture | {message: string; column: number} {
  const match = /^(\s*)([A-Za-z_][A-Za-z0-9_]*)\s*:\s*/.exec(line)
  if (!match) return {message: 'invalid capture: expected `NAME: jsonpath "$.id"`', column: 0}
  const query = parseQuery(line.slice(match[0].length), match[0].length)
  if (!query.ok) return {message: `invalid capture: ${query.message}`, column: query.column}
  if (query.rest !== '') return {message: `invalid capture: unexpected \`${query.rest}\``, column: line.length - query.rest.length}
  return {name: match[2]!, query: query.value, raw: line.trim(), line: sourceLine}
}
