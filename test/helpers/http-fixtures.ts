// Test helpers for the matcher and HTTP checks: a real node:http server on 127.0.0.1 (port 0)
// and builders for the model objects the parser would produce.
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import type {CheckRow, CheckTable, Expectation, HttpAssert, HttpCapture, HttpQuery, Span, Step, StepOptions} from '../../lib/model.js'

export interface TestServer {
  url: string // http://127.0.0.1:PORT
  requests: Array<{method: string; url: string; headers: http.IncomingHttpHeaders; body: string}>
  close(): Promise<void>
}

// Start a server whose handler sees the request body already read.
export async function startServer(
  handler: (request: {method: string; url: string; headers: http.IncomingHttpHeaders; body: string}, response: http.ServerResponse) => void,
): Promise<TestServer> {
  const requests: TestServer['requests'] = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      const request = {method: req.method ?? '', url: req.url ?? '', headers: req.headers, body}
      requests.push(request)
      handler(request, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

// Reply with JSON.
export function json(res: http.ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, {'content-type': 'application/json', ...headers})
  res.end(JSON.stringify(value))
}

const point = {line: 1, column: 1, offset: 0}
const span: Span = {start: point, end: point}

// Step options as the parser fills them by default.
export function stepOptions(extra: Partial<StepOptions> = {}): StepOptions {
  return {
    retries: 0, delayMs: 1000, exit: {kind: 'codes', codes: [0]}, background: false, skip: false, manual: false,
    env: {}, allowFailure: false, always: false, tags: [], output: 'show', ...extra,
  }
}

// An `{expect}` block.
export function expectation(body: string, extra: Partial<Expectation> = {}): Expectation {
  return {
    kind: 'text', lang: 'text', body, mode: 'exact', stream: 'stdout', strict: false, span, bodySpan: span,
    fence: {char: '`', length: 3, indent: 0}, attributes: [], ...extra,
  }
}

// An `http` step.
export function httpStep(
  request: {method?: string; url: string; headers?: Array<[string, string]>; body?: string; asserts?: HttpAssert[]; captures?: HttpCapture[]},
  options: Partial<StepOptions> = {},
  expectations: Expectation[] = [],
): Step {
  return {
    id: 'req', idSource: 'explicit', runner: 'http', lang: 'http', dialect: 'pandoc', code: '', span, bodySpan: span,
    fence: {char: '`', length: 3, indent: 0}, attributes: [], options: stepOptions(options), needs: undefined,
    expectations, index: 0,
    http: {method: request.method ?? 'GET', url: request.url, headers: request.headers ?? [], body: request.body, asserts: request.asserts ?? [], captures: request.captures ?? []},
  }
}

// One `[Asserts]` line.
export function assertion(query: HttpQuery, predicate: HttpAssert['predicate'], value?: HttpAssert['value'], not = false): HttpAssert {
  const q = query.type === 'header' ? `header "${query.name}"` : query.type === 'jsonpath' ? `jsonpath "${query.path}"` : query.type
  const raw = `${q} ${not ? 'not ' : ''}${predicate}${value === undefined ? '' : ` ${JSON.stringify(value)}`}`
  return {query, not, predicate, value, raw, line: 1}
}

// A check table.
export function checkTable(
  rows: Array<{method?: string; url: string; status?: {codes: number[]; classes: number[]}; asserts?: HttpAssert[]}>,
  extra: {base?: string; threshold?: {pass: number; of: number}; options?: Partial<StepOptions>} = {},
): CheckTable {
  const body: CheckRow[] = rows.map((row, index) => ({
    index, method: row.method ?? 'GET', url: row.url, status: row.status, asserts: row.asserts ?? [], span, cells: [row.method ?? 'GET', row.url],
  }))
  return {
    id: 'smoke', base: extra.base, threshold: extra.threshold, needs: undefined, options: stepOptions(extra.options), attributes: [],
    columns: {method: 0, url: 1}, align: [null, null], rows: body, span, commentSpan: span, headerSpan: span, delimiterSpan: span, index: 0,
  }
}
