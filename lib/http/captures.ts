// `[Captures]`: `NAME: jsonpath "$.id"` values later steps see as `${NAME}`.
import type {HttpCapture} from '../model.js'
import {describeQuery, evaluateQuery} from './query.js'
import type {HttpResponse} from './send.js'

// The captured values as strings, and one failure line per capture that found nothing.
export function takeCaptures(captures: HttpCapture[], response: HttpResponse): {values: Record<string, string>; failures: string[]} {
  const values: Record<string, string> = {}
  const failures: string[] = []
  for (const capture of captures) {
    const result = evaluateQuery(capture.query, response)
    if ('error' in result) failures.push(`capture ${capture.name}: ${result.error}`)
    else if (result.value === undefined) failures.push(`capture ${capture.name}: ${describeQuery(capture.query)} found nothing`)
    else values[capture.name] = typeof result.value === 'string' ? result.value : JSON.stringify(result.value)
  }
  return {values, failures}
}
