// `capture=` at run time: the values a step's stdout yields, or why one of them found nothing.
import {queryJsonPath} from '../jsonpath.js'
import type {CaptureSpec} from '../model.js'

// How much of the output a failure message shows.
const shownChars = 400

// Every capture's value from `stdout`; a capture that finds nothing is an error naming it.
export function takeCaptures(specs: CaptureSpec[], stdout: string): {ok: true; values: Record<string, string>} | {ok: false; reason: string} {
  const values: Record<string, string> = {}
  let json: {value: unknown} | undefined
  for (const spec of specs) {
    let value: string | undefined
    let why = 'found nothing'
    if (spec.kind === 'stdout') {
      value = stdout.trim()
      if (value === '') value = undefined
      why = 'got empty stdout'
    } else if (spec.kind === 'regex') {
      const match = new RegExp(spec.pattern!, 'm').exec(stdout)
      value = match ? (match.slice(1).find((group) => group !== undefined) ?? undefined) : undefined
      why = `regex \`${spec.pattern}\` matched nothing`
    } else {
      json ??= parseJson(stdout)
      if (!json) why = 'stdout is not JSON'
      else {
        const found = queryJsonPath(json.value, spec.pattern!)
        value = found.length === 0 || found[0] === null || found[0] === undefined ? undefined : found.length > 1 ? found.map(text).join('\n') : text(found[0])
        why = `JSONPath \`${spec.pattern}\` selected nothing`
      }
    }
    if (value === undefined) return {ok: false, reason: `capture \`${spec.name}\` ${why}; output starts: ${start(stdout)}`}
    values[spec.name] = value
  }
  return {ok: true, values}
}

function parseJson(text: string): {value: unknown} | undefined {
  try {
    return {value: JSON.parse(text)}
  } catch {
    return undefined
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function start(stdout: string): string {
  if (stdout.trim() === '') return '(no output)'
  const head = stdout.length > shownChars ? `${stdout.slice(0, shownChars)}…` : stdout
  return head.replace(/\r?\n$/, '').replace(/\r?\n/g, ' ↵ ')
}
