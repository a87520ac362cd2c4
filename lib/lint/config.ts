// `.runbookrc.json`: rule severities (off | warning | error) and ignored paths, validated by its schema.
import {readFileSync} from 'node:fs'
import {lazyRequire} from '../lazy-require.js'
import path from 'node:path'
import type {Ajv} from 'ajv'
import {UsageError} from '../errors.js'
import {suggest} from '../parse/suggest.js'
import {rules} from './rules/index.js'

// A rule's configured level.
export type RuleLevel = 'off' | 'warning' | 'error'

// The lint configuration after validation.
export interface LintConfig {
  rules: Record<string, RuleLevel>
  ignore: string[]
}

// ajv is loaded on first use, only when a config file exists: plain `runbook lint` starts faster.
const load = lazyRequire(import.meta.url)
let validate: ReturnType<Ajv['compile']> | undefined

function schemaFile(): string {
  for (const up of ['../../schemas/runbookrc.schema.json', '../../../schemas/runbookrc.schema.json']) {
    try {
      return readFileSync(new URL(up, import.meta.url), 'utf8')
    } catch {
      // try the next place (lib/ when run from source, dist/lib/ when built)
    }
  }
  throw new Error('schemas/runbookrc.schema.json not found')
}

// Read and validate a config file; a bad file is a usage error (exit 2) naming the problem.
export function loadConfig(file: string | undefined, cwd: string): LintConfig {
  const empty: LintConfig = {rules: {}, ignore: []}
  const target = file ? path.resolve(cwd, file) : path.join(cwd, '.runbookrc.json')
  let text: string
  try {
    text = readFileSync(target, 'utf8')
  } catch (error) {
    if (!file && (error as NodeJS.ErrnoException).code === 'ENOENT') return empty
    throw new UsageError(`cannot read config ${target}: ${(error as Error).message}`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new UsageError(`${target}: invalid JSON: ${(error as Error).message}`)
  }
  validate ??= new (load('ajv') as typeof import('ajv')).Ajv({allErrors: true}).compile(JSON.parse(schemaFile()))
  if (!validate(data)) {
    const problem = validate.errors?.[0]
    const at = problem?.instancePath || '/'
    throw new UsageError(`${target}: ${at} ${problem?.message ?? 'is invalid'}${problem?.params && 'allowedValues' in problem.params ? ` (${(problem.params.allowedValues as string[]).join(', ')})` : ''}`)
  }
  const config = data as {rules?: Record<string, RuleLevel>; ignore?: string[]}
  const ids = rules.map((r) => r.meta.id)
  for (const id of Object.keys(config.rules ?? {})) {
    if (!ids.includes(id)) {
      const hint = suggest(id, ids)
      throw new UsageError(`${target}: unknown rule \`${id}\`${hint ? ` (did you mean \`${hint}\`?)` : ''}`)
    }
  }
  return {rules: config.rules ?? {}, ignore: config.ignore ?? []}
}
