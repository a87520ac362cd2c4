// Raw attributes → validated, typed StepOptions; every problem a diagnostic at the key's place.
import type {Dialect, ExitSpec, OutputMode, RawAttribute, StepOptions} from '../model.js'
import {Diagnostic} from '../diagnostic.js'
import {parseDuration} from '../duration.js'
import {describeKey, knownKeys, validateAgainst} from './schema.js'
import {suggest} from './suggest.js'
import {parseStatus} from './status.js'
import {parseCaptureSpec} from './capture-spec.js'

type Kind = 'step' | 'expectation' | 'table'

// Runme keys and what they mean here (SPEC §1).
const runmeAliases: Record<string, string> = {name: 'id', excludeFromRunAll: 'skip', tag: 'tags', category: 'tags', interpreter: 'shell'}
const runmeCellId = /^[0-9A-HJKMNP-TV-Z]{26}$/
const runmeOnly = new Set(['name', 'interactive', 'excludeFromRunAll', 'tag', 'category', 'interpreter', 'promptEnv', 'terminalRows', 'closeTerminalOnSuccess', 'mimeType'])

// Whether a key is one only Runme writes (`name`, `interactive` …): a block of them is a Runme cell.
export const isRunmeKey = (key: string): boolean => runmeOnly.has(key)

// The outcome of validating one attribute block.
export interface ValidatedAttributes {
  values: Map<string, {value: string | true; attribute: RawAttribute}> // known keys, Runme names mapped to ours
  diagnostics: Diagnostic[]
}

// Check keys (unknown → error with "did you mean") and values (against schemas/step.schema.json).
export function validateAttributes(attributes: RawAttribute[], kind: Kind, dialect: Dialect, file: string): ValidatedAttributes {
  const known = knownKeys(kind)
  const runme = dialect.startsWith('runme')
  const diagnostics: Diagnostic[] = []
  const raw: Record<string, string | true> = {}
  const byKey = new Map<string, RawAttribute>()
  for (const attribute of attributes) {
    const {key} = attribute
    if (key === 'id' && typeof attribute.value === 'string' && (dialect === 'runme-json' || runmeCellId.test(attribute.value))) continue // Runme's own cell id
    if (!known.includes(key)) {
      const hint = suggest(key, known)
      const ignorable = runme && !hint
      diagnostics.push(
        new Diagnostic(ignorable ? `Runme attribute \`${key}\` is ignored` : `Unknown attribute \`${key}\`${hint ? '' : `: expected one of ${known.filter((k) => !runmeOnly.has(k)).join(', ')}`}`, {
          file,
          place: attribute.span,
          ruleId: 'invalid-annotation',
          severity: ignorable ? 'info' : 'error',
          note: hint ? `did you mean \`${hint}\`?` : undefined,
          actual: key,
          expected: known,
        }),
      )
      continue
    }
    if (byKey.has(key)) {
      diagnostics.push(new Diagnostic(`Attribute \`${key}\` is given twice`, {file, place: attribute.span, ruleId: 'invalid-annotation', actual: key}))
      continue
    }
    byKey.set(key, attribute)
    if (isTemplate(key, attribute.value)) continue // checked once `${VAR}` is known, at run time
    raw[key] = key === 'name' && typeof attribute.value === 'string' ? runmeNameToId(attribute.value) : attribute.value
  }
  const failed = new Set<string>()
  if (byKey.size > 0) {
    for (const error of validateAgainst(kind, raw)) {
      const key = error.instancePath.split('/')[1]
      if (key === undefined || failed.has(key)) continue
      failed.add(key)
      const attribute = byKey.get(key)!
      const expected = describeKey(kind, key) ?? error.message ?? 'a valid value'
      const shown = attribute.value === true ? 'a bare flag' : `\`${escapeControls(attribute.value)}\``
      diagnostics.push(
        new Diagnostic(`Invalid value ${shown} for \`${key}\`: expected ${expected}`, {
          file,
          place: attribute.span,
          ruleId: 'invalid-annotation',
          actual: attribute.value === true ? 'true' : attribute.value,
          expected: [expected],
        }),
      )
    }
  }
  const values: ValidatedAttributes['values'] = new Map()
  for (const [key, attribute] of byKey) {
    if (failed.has(key)) continue
    const target = runmeAliases[key] ?? key
    if (target === 'tags' && values.has('tags')) {
      const previous = values.get('tags')!
      values.set('tags', {value: `${previous.value},${raw[key]}`, attribute})
      continue
    }
    if (values.has(target) && target !== key) continue // an explicit key wins over its Runme alias
    values.set(target, {value: raw[key] ?? attribute.value, attribute})
  }
  return {values, diagnostics}
}

// A Runme cell name as a step id: lower-cased, spaces and tabs as `-` (`Deploy Prod` → `deploy-prod`).
// Anything else outside the id rule (`-->`, `<`, quotes, a newline) stays and fails the schema check.
export const runmeNameToId = (name: string): string => name.toLowerCase().replace(/[ \t]+/g, '-')

// A value shown in a one-line message: control characters (a newline in a JSON string) escaped.
const escapeControls = (text: string): string => text.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1))

// Typed keys whose value may hold `${VAR}`: validated and converted when the step runs.
export const templatedKeys = ['timeout', 'delay', 'retries', 'exit', 'within', 'status']
const isTemplate = (key: string, value: string | true): boolean => typeof value === 'string' && value.includes('${') && templatedKeys.includes(key)

const flag = (value: string | true | undefined): boolean => value === true || value === 'true'
const list = (value: string | true | undefined): string[] =>
  typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : []

// The accepted exit codes written as `0`, `0,1`, `nonzero` or `any`.
export function parseExit(text: string): ExitSpec {
  if (text === 'any') return {kind: 'any'}
  if (text === 'nonzero') return {kind: 'nonzero'}
  return {kind: 'codes', codes: list(text).map(Number)}
}

// `A=1 B=2` → {A: '1', B: '2'}.
export function parseEnvPairs(text: string): Record<string, string> {
  const env: Record<string, string> = {}
  // A value in single or double quotes may hold spaces: env="B='two words' C=1".
  for (const match of text.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=(?:'([^']*)'|"([^"]*)"|(\S*))/g)) {
    env[match[1]!] = match[2] ?? match[3] ?? match[4] ?? ''
  }
  return env
}

// Typed options from validated values (defaults of SPEC §1 where a key is absent).
export function toStepOptions(values: ValidatedAttributes['values']): StepOptions {
  const get = (key: string) => values.get(key)?.value
  const text = (key: string) => {
    const value = get(key)
    return typeof value === 'string' ? value : undefined
  }
  const templates: Record<string, string> = {}
  for (const key of templatedKeys) {
    const value = get(key)
    if (isTemplate(key, value ?? true)) templates[key] = value as string
  }
  const duration = (key: string) => {
    const value = text(key)
    return value === undefined || templates[key] !== undefined ? undefined : parseDuration(value)
  }
  const confirm = get('confirm')
  const status = text('status')
  const options: StepOptions = {
    timeoutMs: duration('timeout'),
    retries: templates['retries'] === undefined ? Number(text('retries') ?? 0) : 0,
    delayMs: duration('delay') ?? 1000,
    exit: parseExit(templates['exit'] === undefined ? (text('exit') ?? '0') : '0'),
    background: flag(get('background')),
    skip: flag(get('skip')),
    manual: flag(get('manual')),
    env: parseEnvPairs(text('env') ?? ''),
    allowFailure: flag(get('allow-failure')),
    always: flag(get('always')),
    tags: list(get('tags')),
    output: (text('output') as OutputMode | undefined) ?? 'show',
  }
  if (options.timeoutMs === undefined) delete options.timeoutMs
  const contains = text('contains')
  if (contains !== undefined) options.contains = contains
  const ready = text('ready')
  if (ready !== undefined) options.ready = ready
  if (confirm !== undefined) options.confirm = confirm === true ? 'Run this step?' : confirm
  const cwd = text('cwd')
  if (cwd !== undefined) options.cwd = cwd
  const shell = text('shell')
  if (shell !== undefined) options.shell = shell
  if (status !== undefined && templates['status'] === undefined) options.status = parseStatus(status)
  if (Object.keys(templates).length > 0) options.templates = templates
  const within = duration('within')
  if (within !== undefined) options.withinMs = within
  if (values.has('interactive')) options.interactive = flag(get('interactive'))
  const capture = text('capture')
  if (capture !== undefined) options.capture = parseCaptureSpec(capture).captures
  const condition = text('if')
  if (condition !== undefined) options.if = condition
  const artifacts = text('artifacts')
  if (artifacts !== undefined) options.artifacts = artifacts
  if (values.has('tty')) options.tty = flag(get('tty'))
  const ask = text('ask')
  if (ask !== undefined) options.ask = ask
  const on = text('on')
  if (on !== undefined) options.on = on
  return options
}

// The `needs` list as written: undefined when absent, [] for `needs=`.
export function needsOf(values: ValidatedAttributes['values']): string[] | undefined {
  const value = values.get('needs')?.value
  if (value === undefined) return undefined
  return list(value)
}
