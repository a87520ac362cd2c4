// The `Result` column of a check table (SPEC §4): added once, then updated in place.
import type {CheckTable} from '../model.js'
import type {HttpCheckResult, StepResult} from '../result.js'
import type {Redactor} from '../redact/index.js'
import type {Edit} from './edits.js'
import {lineEnd} from './place.js'
import {inlineText} from './sanitize.js'

// Edits that write each row's outcome into the table's Result column (appending the column if missing).
export function tableEdits(source: string, table: CheckTable, result: StepResult, options: {stable: boolean; redactor: Redactor}): Edit[] {
  if (result.checks.length === 0) return []
  const byRow = new Map<number, HttpCheckResult>()
  for (const check of result.checks) if (check.row !== undefined) byRow.set(check.row, check)
  const edits: Edit[] = []
  const header = cellsOf(source, table.headerSpan.start.offset, lineEnd(source, table.headerSpan.start.offset))
  const width = header.cells.length
  const column = table.columns.result
  if (column === undefined) {
    edits.push(append(header, width, 'Result'))
    const delimiterStart = table.delimiterSpan.start.offset
    edits.push(append(cellsOf(source, delimiterStart, lineEnd(source, delimiterStart)), width, '---'))
  }
  for (const row of table.rows) {
    const check = byRow.get(row.index)
    const text = check ? cellText(check, options) : '–'
    const cells = cellsOf(source, row.span.start.offset, lineEnd(source, row.span.start.offset))
    if (column === undefined) {
      edits.push(append(cells, width, text))
      continue
    }
    const cell = cells.cells[column]
    if (cell) edits.push({start: cell.start, end: cell.end, text: ` ${text} `})
    else edits.push(append(cells, column, text))
  }
  return edits
}

// `✅ 200 · 12 ms` / `❌ 503 · 40 ms` / `❌ connection refused`.
function cellText(check: HttpCheckResult, options: {stable: boolean; redactor: Redactor}): string {
  const parts = [check.ok ? '✅' : '❌']
  if (check.status !== undefined) parts.push(String(check.status))
  else if (check.error) parts.push(check.error)
  const facts = [parts.join(' ')]
  if (!options.stable && check.latencyMs !== undefined) facts.push(`${Math.round(check.latencyMs)} ms`)
  return inlineText(options.redactor.redact(facts.join(' · ')))
}

interface Cells {
  cells: Array<{start: number; end: number}> // content between pipes
  end: number // end of the row's text (trailing blanks excluded)
  closed: boolean // the row ends with a pipe
}

// Split a table row into cells by its unescaped pipes.
function cellsOf(source: string, start: number, end: number): Cells {
  let rowEnd = end
  while (rowEnd > start && (source[rowEnd - 1] === ' ' || source[rowEnd - 1] === '\t')) rowEnd--
  let at = start
  while (at < rowEnd && /[ \t>]/.test(source[at]!)) at++
  const pipes: number[] = []
  for (let i = at; i < rowEnd; i++) {
    if (source[i] === '\\') i++
    else if (source[i] === '|') pipes.push(i)
  }
  const leading = pipes[0] === at
  const closed = pipes.length > (leading ? 1 : 0) && pipes[pipes.length - 1] === rowEnd - 1
  const inner = pipes.slice(leading ? 1 : 0, closed ? -1 : undefined)
  const bounds = [leading ? at : at - 1, ...inner, closed ? rowEnd - 1 : rowEnd]
  const cells: Cells['cells'] = []
  for (let i = 0; i + 1 < bounds.length; i++) cells.push({start: bounds[i]! + 1, end: bounds[i + 1]!})
  return {cells, end: rowEnd, closed}
}

// Append `text` as the cell after column `width - 1`, padding short rows with empty cells.
function append(cells: Cells, width: number, text: string): Edit {
  const contents = [...Array.from({length: Math.max(0, width - cells.cells.length)}, () => ''), text]
  const out = cells.closed ? ` ${contents.join(' | ')} |` : ` | ${contents.join(' | ')}`
  return {start: cells.end, end: cells.end, text: out}
}
