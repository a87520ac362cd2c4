// HTTP status expectations as users write them: `200`, `401,200`, `401 or 200`, `2xx`.
import type {StatusSpec} from '../model.js'

// The codes and classes named in a status attribute or table cell; undefined when there are none.
export function parseStatus(text: string): StatusSpec | undefined {
  const codes: number[] = []
  const classes: number[] = []
  for (const match of text.matchAll(/\b([1-5])(xx|\d\d)\b/gi)) {
    if (match[2]!.toLowerCase() === 'xx') classes.push(Number(match[1]))
    else codes.push(Number(match[0]))
  }
  return codes.length + classes.length === 0 ? undefined : {codes, classes}
}
