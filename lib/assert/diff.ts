// A unified diff of expected vs actual built from an alignment: matched lines (as written, so
// placeholders and `...` stay visible) are context, changes are `-`/`+`, and a `?` line right
// after the first change names what failed there.
import type {AlignOp} from './align.js'

interface DiffLine {
  sign: ' ' | '-' | '+' | '?'
  text: string
  e: number // expected lines before this one
  a: number // actual lines before this one
  span?: number // actual lines a `...` stands for
}

const context = 3
const maxLines = 400

// Render the alignment as a unified diff; `note` goes under the first change.
export function renderDiff(ops: AlignOp[], expected: string[], actual: string[], note: string): string {
  const lines: DiffLine[] = []
  let e = 0
  let a = 0
  let noted = false
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!
    if (op.op === 'match') lines.push({sign: ' ', text: expected[op.p]!, e: e++, a: a++})
    else if (op.op === 'ellipsis') {
      lines.push({sign: ' ', text: expected[op.p]!, e: e++, a, span: op.to - op.from})
      a += op.to - op.from
    } else if (op.op === 'delete') lines.push({sign: '-', text: expected[op.p]!, e: e++, a})
    else lines.push({sign: '+', text: actual[op.a]!, e, a: a++})
    const next = ops[k + 1]
    const changed = op.op === 'delete' || op.op === 'insert'
    if (changed && !noted && (!next || next.op === 'match' || next.op === 'ellipsis')) {
      lines.push({sign: '?', text: ` ${note}`, e, a})
      noted = true
    }
  }
  return ['--- expected', '+++ actual', ...hunks(lines)].join('\n')
}

function hunks(lines: DiffLine[]): string[] {
  const out: string[] = []
  let k = 0
  while (k < lines.length) {
    if (lines[k]!.sign === ' ') {
      k++
      continue
    }
    const start = Math.max(0, k - context)
    let end = k
    while (end < lines.length) {
      if (lines[end]!.sign !== ' ') {
        end++
        continue
      }
      let run = end
      while (run < lines.length && lines[run]!.sign === ' ') run++
      if (run === lines.length || run - end > 2 * context) {
        end = Math.min(run, end + context)
        break
      }
      end = run
    }
    const slice = lines.slice(start, end)
    const eCount = slice.filter((l) => l.sign === ' ' || l.sign === '-').length
    const aCount = slice.reduce((n, l) => n + (l.span ?? (l.sign === ' ' || l.sign === '+' ? 1 : 0)), 0)
    const first = slice[0]!
    out.push(`@@ -${first.e + (eCount ? 1 : 0)},${eCount} +${first.a + (aCount ? 1 : 0)},${aCount} @@`)
    for (const line of slice) out.push(`${line.sign}${clip(line.text)}`)
    if (out.length > maxLines) {
      out.length = maxLines
      out.push(`… diff cut at ${maxLines} lines`)
      break
    }
    k = end
  }
  return out
}

// Very long lines are cut so a diff stays readable (the evidence keeps the whole output).
function clip(text: string): string {
  return text.length > 300 ? `${text.slice(0, 240)}… (${text.length - 240} more characters)` : text
}
