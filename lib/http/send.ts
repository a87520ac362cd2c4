// Send one HTTP request with undici and read the whole response, timing it; errors become
// one readable line (`connection refused`, `timed out after 500ms`).
import {request, type Dispatcher} from 'undici'
import {formatDuration} from '../duration.js'
import {extraCaDispatcher} from './extra-ca-agent.js'

// A request after `${VAR}` interpolation.
export interface OutgoingRequest {
  method: string
  url: string
  headers: Array<[string, string]>
  body?: string
}

// A response as the checks see it.
export interface HttpResponse {
  status: number
  headers: Record<string, string> // lower-case names, repeated headers joined with `, `
  body: string
  latencyMs: number // from sending to the last byte of the body
}

const maxBody = 16 * 1024 * 1024

// Send the request; throws an Error whose message is one line a user understands.
export async function sendRequest(
  outgoing: OutgoingRequest,
  options: {timeoutMs: number; signal?: AbortSignal; dispatcher?: Dispatcher},
): Promise<HttpResponse> {
  let url: URL
  try {
    url = new URL(outgoing.url)
  } catch {
    throw new Error(`invalid URL ${JSON.stringify(outgoing.url)}${outgoing.url.includes('${') ? ' (a ${VAR} is not set?)' : ''}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`unsupported URL scheme ${url.protocol} in ${outgoing.url}`)
  if (options.signal?.aborted) throw new Error('interrupted before the request was sent')
  const timeout = AbortSignal.timeout(options.timeoutMs)
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
  const headers: Record<string, string | string[]> = {}
  for (const [name, value] of outgoing.headers) {
    const key = name.toLowerCase()
    const known = headers[key]
    headers[key] = known === undefined ? value : Array.isArray(known) ? [...known, value] : [known, value]
  }
  if (outgoing.body !== undefined && headers['content-type'] === undefined && looksLikeJson(outgoing.body)) headers['content-type'] = 'application/json'
  const started = performance.now()
  try {
    const response = await request(url, {
      method: outgoing.method as Dispatcher.HttpMethod,
      headers,
      body: outgoing.body,
      signal,
      dispatcher: options.dispatcher ?? (url.protocol === 'https:' ? extraCaDispatcher() : undefined),
    })
    let body = ''
    let size = 0
    response.body.setEncoding('utf8')
    for await (const chunk of response.body as AsyncIterable<string>) {
      size += chunk.length
      if (size <= maxBody) body += chunk
    }
    return {status: response.statusCode, headers: flattenHeaders(response.headers), body, latencyMs: Math.round(performance.now() - started)}
  } catch (error) {
    if (timeout.aborted) throw new Error(`timed out after ${formatDuration(options.timeoutMs)}`)
    if (options.signal?.aborted) throw new Error('interrupted')
    throw new Error(describeError(error, url), {cause: error})
  }
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  return out
}

function looksLikeJson(body: string): boolean {
  const text = body.trim()
  if (!/^[[{]/.test(text)) return false
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

function describeError(error: unknown, url: URL): string {
  const e = error as NodeJS.ErrnoException & {cause?: NodeJS.ErrnoException}
  const code = e.code ?? e.cause?.code
  const where = url.host
  switch (code) {
    case 'ECONNREFUSED': return `connection refused (${where})`
    case 'ENOTFOUND':
    case 'EAI_AGAIN': return `host not found (${url.hostname})`
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET': return `connection closed by ${where} before a response`
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'UND_ERR_CONNECT_TIMEOUT': return `timed out waiting for ${where}`
    default: return `request to ${where} failed: ${e.message}${code ? ` (${code})` : ''}`
  }
}
