// JSON Schema expectations (`{expect schema=path}` or an inline schema) validated with ajv.
// Each schema is compiled once and cached by its text, as ajv intends.
import {lazyRequire} from '../lazy-require.js'
import type {ErrorObject, ValidateFunction} from 'ajv'

// ajv is loaded on first use, only by runbooks with a schema expectation: other runs start faster.
const load = lazyRequire(import.meta.url)

const compiled = new Map<string, ValidateFunction | Error>()
const options = {allErrors: false, strict: false, logger: false as const}

function createAjv(schema: unknown) {
  const dialect = typeof schema === 'object' && schema !== null ? String((schema as {$schema?: unknown}).$schema ?? '') : ''
  const ajv = dialect.includes('2020-12') ? new (load('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')).Ajv2020(options)
    : dialect.includes('2019-09') ? new (load('ajv/dist/2019.js') as typeof import('ajv/dist/2019.js')).Ajv2019(options)
    : new (load('ajv') as typeof import('ajv')).Ajv(options)
  // Every format JSON Schema defines (date, time, date-time, duration, uri, email, hostname, ipv4,
  // ipv6, uuid, regex…), checked in full (a 30 February is not a date), by ajv's own plugin.
  const addFormats = (load('ajv-formats') as typeof import('ajv-formats')).default
  addFormats(ajv as unknown as Parameters<typeof addFormats>[0])
  return ajv
}

// The validator of a schema given as JSON text; throws when the schema itself is broken.
export function compileSchema(text: string): ValidateFunction {
  let validate = compiled.get(text)
  if (!validate) {
    try {
      const schema: unknown = JSON.parse(text)
      validate = createAjv(schema).compile(schema as object)
    } catch (error) {
      validate = new Error(`invalid JSON Schema: ${(error as Error).message}`)
    }
    compiled.set(text, validate)
  }
  if (validate instanceof Error) throw validate
  return validate
}

// One line per ajv error: `/status: must be equal to one of the allowed values ("ok")`.
export function describeSchemaError(error: ErrorObject): string {
  const where = error.instancePath || '(root)'
  const params = error.params as Record<string, unknown>
  let detail = error.message ?? error.keyword
  if (error.keyword === 'enum' && Array.isArray(params['allowedValues'])) detail += ` (${params['allowedValues'].map((v) => JSON.stringify(v)).join(', ')})`
  if (error.keyword === 'additionalProperties') detail += ` (${JSON.stringify(params['additionalProperty'])})`
  if (error.keyword === 'const') detail += ` (${JSON.stringify(params['allowedValue'])})`
  return `${where}: ${detail}`
}
