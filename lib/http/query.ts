// hurl-style queries over a response: `status`, `header "X"`, `body`, `jsonpath "$.a"`, `duration`.
import type {HttpQuery} from '../model.js'
import {isPluralJsonPath, queryJsonPath} from '../jsonpath.js'
import type {HttpResponse} from './send.js'

// A query's value (`undefined`: nothing found), or why it could not be evaluated.
export type QueryValue = {value: unknown} | {error: string}

// Evaluate a query against a response.
export function evaluateQuery(query: HttpQuery, response: HttpResponse): QueryValue {
  switch (query.type) {
    case 'status': return {value: response.status}
    case 'duration': return {value: response.latencyMs}
    case 'body': return {value: response.body}
    case 'header': return {value: response.headers[query.name.toLowerCase()]}
    case 'jsonpath': {
      let json: unknown
      try {
        json = JSON.parse(response.body)
      } catch {
        return {error: `the body is not JSON (it starts with ${JSON.stringify(response.body.slice(0, 40))})`}
      }
      try {
        const found = queryJsonPath(json, query.path)
        return {value: isPluralJsonPath(query.path) ? found : found[0]}
      } catch (error) {
        return {error: (error as Error).message}
      }
    }
  }
}

// `jsonpath "$.id"`: a query as written, for messages.
export function describeQuery(query: HttpQuery): string {
  switch (query.type) {
    case 'header': return `header ${JSON.stringify(query.name)}`
    case 'jsonpath': return `jsonpath ${JSON.stringify(query.path)}`
    default: return query.type
  }
}
