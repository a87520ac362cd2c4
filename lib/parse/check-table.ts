// A GFM table under `<!-- runbook: http … -->` → a CheckTable, columns found by header name (SPEC §4).
import type {PhrasingContent, Table, TableCell} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {CheckRow, CheckTable, HttpAssert, RawAttribute} from '../model.js'
import {report, type ParseContext} from './context.js'
import {parseAssertLine} from './http-assert.js'
import {parseStatus} from './status.js'
import {needsOf, toStepOptions, validateAttributes} from './step-options.js'

const columnNames: Record<string, keyof CheckTable['columns']> = {
  method: 'method',
  endpoint: 'url',
  path: 'url',
  url: 'url',
  'expected status': 'status',
  status: 'status',
  assertions: 'assertions',
  result: 'result',
}

// Build the check table; undefined (with a diagnostic) when it has no Endpoint/Path/URL column.
export function makeCheckTable(node: Table, attributes: RawAttribute[], comment: {start: number; end: number}, context: ParseContext): {table: CheckTable; explicitId?: string} | undefined {
  const {locator} = context
  const {values, diagnostics} = validateAttributes(attributes, 'table', 'comment', context.file)
  context.diagnostics.push(...diagnostics)
  const [header, ...body] = node.children
  const start = node.position!.start.offset!
  const end = node.position!.end.offset!
  const columns: Partial<CheckTable['columns']> = {}
  header?.children.forEach((cell, index) => {
    const name = columnNames[toString(cell).trim().toLowerCase()]
    if (name && columns[name] === undefined) columns[name] = index
  })
  if (columns.url === undefined) {
    report(context, 'Check table has no `Endpoint`, `Path` or `URL` column', start, header?.position?.end.offset ?? end, {
      note: 'expected columns Method, Endpoint/Path/URL, Expected Status, Assertions',
    })
    return undefined
  }
  const rows: CheckRow[] = body.map((row, index) => {
    const cells = row.children.map((cell) => toString(cell).trim())
    const cell = (column: number | undefined) => (column === undefined ? '' : (cells[column] ?? ''))
    const statusText = cell(columns.status)
    const asserts = columns.assertions === undefined ? [] : parseAssertCell(row.children[columns.assertions], context)
    const checkRow: CheckRow = {
      index,
      method: (cell(columns.method) || 'GET').toUpperCase(),
      url: cell(columns.url).replace(/^`|`$/g, ''),
      status: parseStatus(statusText),
      asserts,
      span: locator.span(row.position!.start.offset!, row.position!.end.offset!),
      cells,
    }
    if (statusText !== '' && !checkRow.status) {
      const statusCell = row.children[columns.status!]
      const place = statusCell?.children[0]?.position ?? statusCell?.position
      report(context, `Invalid status \`${statusText}\`: expected a code such as 200, a list (401 or 200) or a class (2xx)`, place?.start.offset ?? start, place?.end.offset ?? end)
    }
    return checkRow
  })
  const headerStart = header?.position?.start.offset ?? start
  const headerEnd = header?.position?.end.offset ?? start
  const delimiterLine = locator.point(headerEnd).line + 1
  const delimiterStart = locator.lineStart(delimiterLine)
  const delimiterEnd = Math.max(delimiterStart, context.source.indexOf('\n', delimiterStart) === -1 ? end : context.source.indexOf('\n', delimiterStart))
  const threshold = values.get('threshold')?.value
  const table: CheckTable = {
    id: '',
    needs: needsOf(values),
    options: toStepOptions(values),
    attributes,
    columns: {...columns, url: columns.url},
    align: node.align ?? [],
    rows,
    span: locator.span(start, end),
    commentSpan: locator.span(comment.start, comment.end),
    headerSpan: locator.span(headerStart, headerEnd),
    delimiterSpan: locator.span(delimiterStart, delimiterEnd.valueOf() - (context.source[delimiterEnd - 1] === '\r' ? 1 : 0)),
    index: 0,
  }
  const base = values.get('base')?.value
  if (typeof base === 'string') table.base = base
  if (typeof threshold === 'string') {
    const [pass, of] = threshold.split('/').map(Number) as [number, number]
    table.threshold = {pass, of}
    // A threshold that can never be met (9/4, or more passes than the table has rows) is a typo.
    const problem = of === 0 ? 'no rows' : pass > of ? `more passes than rows (${pass} > ${of})` : pass > rows.length ? `${pass} passes, but the table has ${rows.length} row${rows.length === 1 ? '' : 's'}` : undefined
    if (problem !== undefined) {
      const at = values.get('threshold')!
      report(context, `Invalid \`threshold=${threshold}\`: ${problem}; expected passes/rows such as ${Math.max(1, rows.length - 1)}/${Math.max(1, rows.length)}`, at.attribute.span.start.offset, at.attribute.span.end.offset)
    }
  }
  const explicit = values.get('id')?.value
  return typeof explicit === 'string' ? {table, explicitId: explicit} : {table}
}

// The hurl-style predicates of an Assertions cell: each in backticks, `;`-separated.
function parseAssertCell(cell: TableCell | undefined, context: ParseContext): HttpAssert[] {
  if (!cell) return []
  const line = cell.position?.start.line ?? 0
  const codes = cell.children.filter((child: PhrasingContent) => child.type === 'inlineCode')
  const pieces: Array<{text: string; offset: number}> =
    codes.length > 0
      ? codes.map((code) => ({text: code.value, offset: code.position!.start.offset! + 1}))
      : splitPlain(toString(cell), cell.position?.start.offset ?? 0)
  const asserts: HttpAssert[] = []
  for (const piece of pieces) {
    for (const part of piece.text.split(';')) {
      if (part.trim() === '') continue
      const parsed = parseAssertLine(part, line)
      if (parsed.ok) asserts.push(parsed.assert)
      else report(context, `Invalid assertion \`${part.trim()}\`: ${parsed.message}`, piece.offset, piece.offset + piece.text.length)
    }
  }
  return asserts
}

function splitPlain(text: string, offset: number): Array<{text: string; offset: number}> {
  return text.trim() === '' ? [] : [{text, offset}]
}
