// `matchExpectation`: one `{expect}` block against a step's output, dispatched on its kind
// (text, JSON, JSON Schema) and stream. The executor and the HTTP checks both call it.
import path from 'node:path'
import type {Expectation} from '../model.js'
import {readRegularTextSync} from '../read-file.js'
import {jsonDiff} from './json-diff.js'
import {matchJson} from './json-match.js'
import {normalizeText} from './normalize.js'
import {compileSchema, describeSchemaError} from './schema.js'
import {matchLiteral} from './literal.js'
import {matchText} from './text-match.js'

// Pass, or why not: a one-line message, a diff when one helps, and the normalised text compared.
export type ExpectationOutcome = {ok: true} | {ok: false; message: string; diff?: string; actual: string}

// The output a step produced, per stream and interleaved.
export interface StepOutput {
  stdout: string
  stderr: string
  all: string
}

// Check one expectation against a step's output; `dir` resolves `schema=` paths.
export function matchExpectation(expectation: Expectation, output: StepOutput, context: {dir: string}): ExpectationOutcome {
  const raw = output[expectation.stream] ?? output.stdout
  const actual = normalizeText(raw)
  if (expectation.kind === 'text') {
    const result = expectation.literal ? matchLiteral(expectation.body, raw) : matchText(expectation.body, raw, {mode: expectation.mode})
    return result.ok ? {ok: true} : {ok: false, message: result.message ?? 'output does not match', diff: result.diff, actual}
  }
  const value = parseActual(raw)
  if ('error' in value) return {ok: false, message: value.error, actual}
  if (expectation.kind === 'schema') return matchSchema(expectation, value.json, context, actual)
  let expected: unknown
  try {
    expected = JSON.parse(expectation.body)
  } catch (error) {
    return {ok: false, message: `the expected JSON is not valid JSON: ${(error as Error).message}`, actual}
  }
  const result = matchJson(expected, value.json, {strict: expectation.strict})
  if (result.ok) return {ok: true}
  return {ok: false, message: result.message, diff: jsonDiff(expected, value.json, result.message, {strict: expectation.strict}), actual}
}

function parseActual(raw: string): {json: unknown} | {error: string} {
  const text = raw.replace(/^\uFEFF/, '').trim()
  if (text === '') return {error: 'expected JSON, but the output is empty'}
  try {
    return {json: JSON.parse(text)}
  } catch (error) {
    const first = text.split('\n', 1)[0]!
    const start = first.length > 60 ? `${first.slice(0, 57)}...` : first
    return {error: `the output is not valid JSON (${(error as Error).message}); it starts with ${JSON.stringify(start)}`}
  }
}

// A JSON Schema file larger than this is refused (a schema is a few KB; this stops /dev/zero-like input).
const maxSchemaBytes = 4 * 1024 * 1024

function matchSchema(expectation: Expectation, json: unknown, context: {dir: string}, actual: string): ExpectationOutcome {
  let text = expectation.body
  if (expectation.schemaPath) {
    const file = path.resolve(context.dir, expectation.schemaPath)
    try {
      text = readRegularTextSync(file, {maxBytes: maxSchemaBytes})
    } catch (error) {
      const reason = (error as Error).message
      return {ok: false, message: `cannot read schema ${expectation.schemaPath}: ${reason}`, actual}
    }
  }
  let validate
  try {
    validate = compileSchema(text)
  } catch (error) {
    const where = expectation.schemaPath ? ` ${expectation.schemaPath}` : ''
    return {ok: false, message: `schema${where}: ${(error as Error).message}`, actual}
  }
  if (validate(json)) return {ok: true}
  const errors = (validate.errors ?? []).map(describeSchemaError)
  return {ok: false, message: `schema: ${errors[0] ?? 'does not validate'}`, diff: errors.length > 1 ? errors.join('\n') : undefined, actual}
}
