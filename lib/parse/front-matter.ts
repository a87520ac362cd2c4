// YAML front matter: found by hand at the very start, parsed safely (no aliases, size cap), validated by schema.
import {lazyRequire} from '../lazy-require.js'
import type {Document} from 'yaml'
import type {FrontMatter, InputSpec} from '../model.js'
import {Diagnostic} from '../diagnostic.js'
import {parseDuration} from '../duration.js'
import type {Locator} from './positions.js'
import {validateAgainst} from './schema.js'
import {readTargets} from './targets.js'
import {suggest} from './suggest.js'

// yaml is loaded on first use, only by files that have front matter.
const load = lazyRequire(import.meta.url)
let yaml: typeof import('yaml') | undefined

// Front matter larger than this is refused before YAML sees it.
export const maxFrontMatterBytes = 64 * 1024

// Where the front matter stands: the whole block and the YAML text inside it.
export interface FrontMatterBlock {
  start: number
  end: number // end of the closing `---` line (before its newline)
  yamlStart: number
  yamlEnd: number
  engine: string // '' or 'yaml' for YAML; anything else is rejected
}

// Find `---\n…\n---` at the very start of the text (after an optional BOM).
export function findFrontMatter(source: string): FrontMatterBlock | undefined {
  const start = source.charCodeAt(0) === 0xfeff ? 1 : 0
  if (!source.startsWith('---', start)) return undefined
  const firstEnd = source.indexOf('\n', start)
  if (firstEnd === -1) return undefined
  const engine = source.slice(start + 3, firstEnd).trim()
  if (engine.startsWith('-') || /\s/.test(engine)) return undefined
  let at = firstEnd + 1
  while (at <= source.length) {
    const next = source.indexOf('\n', at)
    const lineEnd = next === -1 ? source.length : next
    const line = source.slice(at, lineEnd).replace(/\r$/, '')
    if (/^(---|\.\.\.)[ \t]*$/.test(line)) {
      const end = line.length + at
      return {start, end, yamlStart: firstEnd + 1, yamlEnd: at, engine}
    }
    if (next === -1) return undefined
    at = next + 1
  }
  return undefined
}

// The source with the front matter replaced by spaces (newlines kept), so every offset stays true.
export function blankFrontMatter(source: string, block: FrontMatterBlock): string {
  return source.slice(0, block.end).replace(/[^\r\n]/g, ' ') + source.slice(block.end)
}

// Parse and validate the front matter; problems become diagnostics, never exceptions.
export function readFrontMatter(source: string, block: FrontMatterBlock, locator: Locator, file: string): {frontMatter: FrontMatter; diagnostics: Diagnostic[]} {
  const diagnostics: Diagnostic[] = []
  const span = locator.span(block.start, block.end)
  const frontMatter: FrontMatter = {span, data: {}, inputs: [], env: {}, runAll: false, runme: false, targets: {}}
  // Front matter that does not speak to runbook (a Hugo template, say) only warns: no step depends on it.
  const ours = /^(runbook|runme)\s*:/m.test(source.slice(block.yamlStart, block.yamlEnd)) || block.engine !== ''
  const problem = (message: string, start: number, end = start, note?: string, hostile = false) =>
    diagnostics.push(new Diagnostic(message, {file, place: locator.span(start, end), ruleId: 'invalid-front-matter', severity: ours || hostile ? 'error' : 'warning', note}))
  if (block.engine !== '' && block.engine !== 'yaml') {
    problem(`Front matter engine \`${block.engine}\` is not supported: expected YAML (\`---\`)`, block.start, block.start + 3 + block.engine.length, undefined, true)
    return {frontMatter, diagnostics}
  }
  const text = source.slice(block.yamlStart, block.yamlEnd)
  if (text.length > maxFrontMatterBytes) {
    problem(`Front matter is too large (${text.length} bytes): expected at most ${maxFrontMatterBytes}`, block.start, block.end, undefined, true)
    return {frontMatter, diagnostics}
  }
  yaml ??= load('yaml') as typeof import('yaml')
  const {parseDocument, visit} = yaml
  const doc = parseDocument(text, {prettyErrors: false, uniqueKeys: true, schema: 'core'})
  for (const error of doc.errors) problem(`Invalid YAML in front matter: ${error.message.split('\n')[0]}`, block.yamlStart + error.pos[0], block.yamlStart + error.pos[1])
  let aliases = 0
  visit(doc, {
    Alias(_key, node) {
      aliases++
      const range = node.range ?? [0, 0]
      if (aliases === 1) problem('YAML aliases are not allowed in front matter', block.yamlStart + range[0], block.yamlStart + range[1], 'write the value out in full', true)
      return visit.BREAK
    },
  })
  if (doc.errors.length > 0 || aliases > 0) return {frontMatter, diagnostics}
  const data: unknown = doc.toJS({maxAliasCount: 0})
  if (data === null || data === undefined) return {frontMatter, diagnostics}
  if (typeof data !== 'object' || Array.isArray(data)) {
    problem('Front matter must be a mapping of keys to values', block.yamlStart, block.yamlEnd)
    return {frontMatter, diagnostics}
  }
  frontMatter.data = data as Record<string, unknown>
  const errors = validateAgainst('runbook', data)
  for (const error of errors) {
    const path = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    const extra = (error.params as {additionalProperty?: string}).additionalProperty
    const range = rangeOf(doc, path, extra)
    const where = [...path, ...(extra ? [extra] : [])].join('.') || 'front matter'
    if (extra) {
      const known = Object.keys(schemaProperties(path))
      const hint = suggest(extra, known)
      problem(`Unknown front matter key \`${where}\`: expected one of ${known.join(', ')}`, block.yamlStart + range[0], block.yamlStart + range[1], hint ? `did you mean \`${hint}\`?` : undefined)
    } else if (error.keyword === 'required' && error.schemaPath.includes('/oneOf/')) {
      continue // said once by the oneOf error below
    } else if (error.keyword === 'oneOf' && path[1] === 'targets') {
      problem(`Invalid target \`${path[2]}\`: give exactly one of ssh, kube, exec`, block.yamlStart + range[0], block.yamlStart + range[1])
    } else if (error.keyword !== 'anyOf' || !errors.some((e) => e !== error && e.instancePath.startsWith(error.instancePath))) {
      problem(`Invalid front matter \`${where}\`: ${error.message ?? 'invalid'}`, block.yamlStart + range[0], block.yamlStart + range[1])
    }
  }
  if (errors.length === 0) {
    fill(frontMatter, data as Record<string, unknown>)
    const placeOf = (path: string[]) => {
      const at = locator.span(block.yamlStart + rangeOf(doc, path.slice(0, -1), path[path.length - 1])[0], block.yamlStart).start
      return {line: at.line, column: at.column, offset: at.offset}
    }
    frontMatter.targets = readTargets((data as Record<string, unknown>)['runbook'] as Record<string, unknown> ?? {}, placeOf)
  }
  return {frontMatter, diagnostics}
}

const runbookKeys = {inputs: 1, env: 1, timeout: 1, shell: 1, 'shell-options': 1, cwd: 1, concurrency: 1, run: 1, targets: 1, target: 1, test: 1}
const inputKeys = {description: 1, required: 1, secret: 1, default: 1}
const targetKeys = {ssh: 1, identity: 1, options: 1, serial: 1, 'max-fail': 1, kube: 1, exec: 1}
function schemaProperties(path: string[]): Record<string, unknown> {
  if (path.length === 0) return {runbook: 1, runme: 1}
  if (path.length === 1 && path[0] === 'runbook') return runbookKeys
  if (path[1] === 'targets' && path.length === 3) return targetKeys
  if (path[1] === 'targets' && path[3] === 'kube') return {context: 1, namespace: 1}
  return inputKeys
}

// The source range of the key (or value) at `path` in the YAML document.
function rangeOf(doc: Document, path: string[], key?: string): [number, number] {
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true)
  if (key !== undefined && yaml!.isMap(node)) {
    const pair = node.items.find((item) => yaml!.isScalar(item.key) && String(item.key.value) === key)
    const range = (pair?.key as {range?: [number, number, number]} | undefined)?.range
    if (range) return [range[0], range[1]]
  }
  const range = (node as {range?: [number, number, number]} | null | undefined)?.range
  return range ? [range[0], range[1]] : [0, 0]
}

function fill(frontMatter: FrontMatter, data: Record<string, unknown>): void {
  const runbook = (data['runbook'] ?? {}) as Record<string, unknown>
  frontMatter.runme = 'runme' in data
  const inputs = (runbook['inputs'] ?? {}) as Record<string, Record<string, unknown> | null>
  frontMatter.inputs = Object.entries(inputs).map(([name, spec]): InputSpec => {
    const input: InputSpec = {name, required: spec?.['required'] === true, secret: spec?.['secret'] === true}
    if (typeof spec?.['description'] === 'string') input.description = spec['description']
    if (spec?.['default'] !== undefined) input.default = String(spec['default'])
    return input
  })
  const env = (runbook['env'] ?? {}) as Record<string, unknown>
  frontMatter.env = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]))
  if (typeof runbook['timeout'] === 'string') frontMatter.timeoutMs = parseDuration(runbook['timeout'])
  const shell = runbook['shell'] ?? (frontMatter.runme ? data['shell'] : undefined)
  if (typeof shell === 'string' && shell !== '') frontMatter.shell = shell
  const cwd = runbook['cwd'] ?? (frontMatter.runme ? data['cwd'] : undefined)
  if (typeof cwd === 'string' && cwd !== '') frontMatter.cwd = cwd
  if (typeof runbook['shell-options'] === 'string') frontMatter.shellOptions = runbook['shell-options']
  if (typeof runbook['concurrency'] === 'number') frontMatter.concurrency = runbook['concurrency']
  frontMatter.runAll = runbook['run'] === 'all' || frontMatter.runme
  if (typeof runbook['target'] === 'string') frontMatter.target = runbook['target']
  if (runbook['test'] === true) frontMatter.test = true
}
