// The JSON Schemas of schemas/, compiled once with ajv on first use (files without annotations never pay).
import {existsSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import type {Ajv, ErrorObject, ValidateFunction} from 'ajv'

// ajv is loaded on first use: the CLI starts faster and plain documents never pay for it.
const load = createRequire(import.meta.url)

type Kind = 'step' | 'expectation' | 'table' | 'runbook'

let ajv: Ajv | undefined
const compiled = new Map<Kind, ValidateFunction>()

// Find schemas/ from lib/parse/ (tsx, tests) or dist/lib/parse/ (the built CLI).
function readSchema(name: string): Record<string, unknown> {
  for (const up of ['../../schemas/', '../../../schemas/']) {
    const url = new URL(up + name, import.meta.url)
    if (existsSync(url)) return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>
  }
  throw new Error(`schema ${name} not found`)
}

function validator(kind: Kind): ValidateFunction {
  const existing = compiled.get(kind)
  if (existing) return existing
  if (!ajv) {
    const {Ajv: AjvClass} = load('ajv') as typeof import('ajv')
    ajv = new AjvClass({allErrors: true, strict: false})
    ajv.addSchema(readSchema('step.schema.json'), 'step')
    ajv.addSchema(readSchema('runbook.schema.json'), 'runbook')
  }
  const ref = kind === 'step' || kind === 'runbook' ? kind : `step#/$defs/${kind}`
  const validate = ajv.getSchema(ref)
  if (!validate) throw new Error(`schema ${ref} missing`)
  compiled.set(kind, validate)
  return validate
}

// The schema's description of one attribute key (for "expected …" messages).
export function describeKey(kind: 'step' | 'expectation' | 'table', key: string): string | undefined {
  const schema = readSchemaCached()
  const props = (kind === 'step' ? schema : (schema['$defs'] as Record<string, Record<string, unknown>>)[kind]!)['properties'] as Record<string, {description?: string; $ref?: string}>
  const prop = props[key]
  if (!prop) return undefined
  if (prop.description) return prop.description
  if (prop.$ref) return ((schema['$defs'] as Record<string, {description?: string}>)[prop.$ref.split('/').pop()!])?.description
  return undefined
}

let stepSchema: Record<string, unknown> | undefined
function readSchemaCached(): Record<string, unknown> {
  stepSchema ??= readSchema('step.schema.json')
  return stepSchema
}

// The keys a kind of annotation accepts, from the schema (for "did you mean").
export function knownKeys(kind: 'step' | 'expectation' | 'table'): string[] {
  const schema = readSchemaCached()
  const node = kind === 'step' ? schema : (schema['$defs'] as Record<string, Record<string, unknown>>)[kind]!
  return Object.keys(node['properties'] as Record<string, unknown>)
}

// Validate `data` against a schema; the ajv errors, empty when valid.
export function validateAgainst(kind: Kind, data: unknown): ErrorObject[] {
  const validate = validator(kind)
  return validate(data) ? [] : [...(validate.errors ?? [])]
}
