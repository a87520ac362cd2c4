// `capture="NAME"` or `capture="POD=regex:^pod/(\S+) READY=jsonpath:$.status.ready"` → CaptureSpec[].
import {checkRegexSafety} from '../assert/safe-regex.js'
import {parseJsonPath} from '../jsonpath.js'
import type {CaptureSpec} from '../model.js'

const name = /^[A-Za-z_][A-Za-z0-9_]*$/
// A new pair starts at whitespace followed by `NAME=regex:` or `NAME=jsonpath:`; a regex may hold spaces.
const pairStart = /\s+(?=[A-Za-z_][A-Za-z0-9_]*=(?:regex|jsonpath):)/

// The captures a `capture=` value asks for, and what is wrong with it (empty when valid).
export function parseCaptureSpec(text: string): {captures: CaptureSpec[]; problems: string[]} {
  const trimmed = text.trim()
  if (name.test(trimmed)) return {captures: [{name: trimmed, kind: 'stdout'}], problems: []}
  const captures: CaptureSpec[] = []
  const problems: string[] = []
  for (const part of trimmed.split(pairStart)) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(regex|jsonpath):(.+)$/s.exec(part)
    if (!match) {
      problems.push(`\`${part}\` is not NAME, NAME=regex:RE or NAME=jsonpath:PATH`)
      continue
    }
    const [, captureName, kind, pattern] = match as unknown as [string, string, 'regex' | 'jsonpath', string]
    if (captures.some((c) => c.name === captureName)) problems.push(`\`${captureName}\` is captured twice`)
    const problem = kind === 'regex' ? regexProblem(pattern) : jsonPathProblem(pattern)
    if (problem) problems.push(`capture \`${captureName}\`: ${problem}`)
    captures.push({name: captureName, kind, pattern})
  }
  return {captures, problems}
}

function regexProblem(source: string): string | undefined {
  let regex: RegExp
  try {
    regex = new RegExp(source, 'm')
  } catch (error) {
    return `invalid regex: ${(error as Error).message}`
  }
  if (!/\((?!\?[:=!<])|\(\?<[A-Za-z]/.test(regex.source)) return 'the regex needs a group `( )`: its first group is the value'
  const safety = checkRegexSafety(source, 'm')
  return safety.safe ? undefined : safety.reason
}

function jsonPathProblem(path: string): string | undefined {
  try {
    parseJsonPath(path)
    return undefined
  } catch (error) {
    return (error as Error).message
  }
}
