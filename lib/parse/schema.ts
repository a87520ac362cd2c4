// The JSON Schemas of schemas/ as validators: generated at build time (scripts/build-validators.mjs),
// or compiled once with ajv on first use when the generated module is missing (files without annotations never pay).
import {existsSync, readFileSync} from 'node:fs'
import {lazyRequire} from '../lazy-require.js'
import {builtValidators} from './built-validators.js'
import type {Ajv, ErrorObject, ValidateFunction} from 'ajv'

// ajv and the generated validators are loaded on first use: the CLI starts faster and plain documents never pay.
const load = lazyRequire(import.meta.url)

type Kind = 'step' | 'expectation' | 'table' | 'runbook'
type Generated = Partial<Record<Kind, ValidateFunction>>

let ajv: Ajv | undefined
let generated: Generated | null | undefined
const compiled = new Map<Kind, ValidateFunction>()

const texts = new Map<string, string>()

// Find schemas/ from lib/parse/ (tsx, tests) or dist/lib/parse/ (the built CLI); the text, read once.
function readSchemaText(name: string): string {
  const cached = texts.get(name)
  if (cached !== undefined) return cached
  for (const up of ['../../schemas/', '../../../schemas/']) {
    const url = new URL(up + name, import.meta.url)
    if (!existsSync(url)) continue
    const text = readFileSync(url, 'utf8')
    texts.set(name, text)
    return text
  }
  throw new Error(`schema ${name} not found`)
}

function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(readSchemaText(name)) as Record<string, unknown>
}

// The build's standalone validators (built-validators.ts), or null when missing or built from other
// schema texts than schemas/ holds now (a stale build).
function generatedValidators(): Generated | null {
  if (generated !== undefined) return generated
  const built = builtValidators() as (Generated & {sources?: Record<string, string>}) | undefined
  const sources = built?.sources ?? {}
  const current = Object.keys(sources).length > 0 && Object.entries(sources).every(([name, text]) => readSchemaText(name) === text)
  generated = built && current ? built : null
  return generated
}

// The run-time fallback: compile the schemas with ajv (same options as the build script).
function compileValidator(kind: Kind): ValidateFunction {
  if (!ajv) {
    const {Ajv: AjvClass} = load('ajv') as typeof import('ajv')
    ajv = new AjvClass({allErrors: true, strict: false})
    ajv.addSchema(readSchema('step.schema.json'), 'step')
    ajv.addSchema(readSchema('runbook.schema.json'), 'runbook')
  }
  const ref = kind === 'step' || kind === 'runbook' ? kind : `step#/$defs/${kind}`
  const validate = ajv.getSchema(ref)
  if (!validate) throw new Error(`schema ${ref} missing`)
  return validate
}

function validator(kind: Kind): ValidateFunction {
  const existing = compiled.get(kind)
  if (existing) return existing
  const validate = generatedValidators()?.[kind] ?? compileValidator(kind)
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
