// Reads the `not-ok` / `ok` examples out of a rule's documentation page (docs/rules/<id>.md).
import {readFileSync} from 'node:fs'

// The examples of one page, by kind.
export function ruleExamples(page: string): {notOk: string[]; ok: string[]} {
  const text = readFileSync(page, 'utf8')
  const notOk: string[] = []
  const ok: string[] = []
  for (const m of text.matchAll(/^(`{4,})markdown (not-ok|ok)\n([\s\S]*?)\n\1$/gm)) {
    ;(m[2] === 'ok' ? ok : notOk).push(`${m[3]}\n`)
  }
  return {notOk, ok}
}
