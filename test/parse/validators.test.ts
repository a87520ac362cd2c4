// The build-time standalone validators (scripts/build-validators.mjs) judge annotations exactly as
// the schemas compiled at run time do, and the parser falls back to ajv when they are missing or stale.
import {spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import t, {type Test} from 'tap'
import {Ajv, type ErrorObject, type ValidateFunction} from 'ajv'
import {repoDir} from '../helpers/paths.js'

const root = repoDir
const schemaText = (name: string) => readFileSync(path.join(root, 'schemas', name), 'utf8')
type Kind = 'step' | 'expectation' | 'table' | 'runbook'

// What a user sees of an error: where, which rule, its parameters and message.
const shape = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => ({instancePath: e.instancePath, keyword: e.keyword, params: e.params, message: e.message}))

const samples: Record<Kind, unknown[]> = {
  step: [
    {id: 'migrate', timeout: '5m', retries: '2', exit: '0,1', needs: 'a,b'},
    {id: 'Bad_Id', timeout: '5x', retries: 'many', exit: 'sometimes', output: 'loud'},
    {timout: '5m'},
    {background: true, ready: 'http://127.0.0.1:8080/health', confirm: true},
    {confirm: '', cwd: '', env: 'A=1 B=2'},
    {env: 'not pairs ='},
    'not an object',
  ],
  expectation: [{}, {strict: true}, {strict: 'maybe', bogus: '1'}],
  table: [{id: 'checks', timeout: '10s'}, {id: 'Bad Id', within: 'soon'}],
  runbook: [
    {title: 'Deploy', timeout: '30m'},
    {timeout: 'forever', unknown: 1},
    {inputs: {NAME: {default: 'x'}}},
    [],
  ],
}

t.test('the generated validators give the same verdicts and errors as compiling the schemas at run time', async (t) => {
  const out = t.testdir({})
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build-validators.mjs'), out], {encoding: 'utf8', timeout: 60_000})
  t.equal(build.status, 0, build.stderr)
  const file = path.join(out, 'validators.cjs')
  t.ok(existsSync(file), 'validators.cjs is written')
  const generated = createRequire(import.meta.url)(file) as Record<Kind, ValidateFunction> & {sources: Record<string, string>}
  t.same(generated.sources, {'step.schema.json': schemaText('step.schema.json'), 'runbook.schema.json': schemaText('runbook.schema.json')})

  const ajv = new Ajv({allErrors: true, strict: false})
  ajv.addSchema(JSON.parse(schemaText('step.schema.json')) as object, 'step')
  ajv.addSchema(JSON.parse(schemaText('runbook.schema.json')) as object, 'runbook')
  let invalid = 0
  for (const [kind, inputs] of Object.entries(samples) as [Kind, unknown[]][]) {
    const runtime = ajv.getSchema(kind === 'step' || kind === 'runbook' ? kind : `step#/$defs/${kind}`)!
    for (const input of inputs) {
      const expected = runtime(input)
      const expectedErrors = shape(runtime.errors)
      t.equal(generated[kind](input), expected, `${kind} ${JSON.stringify(input)}: same verdict`)
      t.same(shape(generated[kind].errors), expectedErrors, `${kind} ${JSON.stringify(input)}: same errors`)
      if (!expected) invalid++
    }
  }
  t.ok(invalid >= 8, 'the samples include invalid annotations')
})

// A copy of the built lib/parse/schema.js beside a hand-written validators.cjs, to see which one judges.
function sandbox(t: Test, sources: Record<string, string>) {
  const built = path.join(root, 'dist/lib/parse/schema.js')
  if (!existsSync(built)) throw new Error('build first: npx tsc -p .')
  const dir = t.testdir({'package.json': JSON.stringify({type: 'module'})})
  mkdirSync(path.join(dir, 'lib/parse'), {recursive: true})
  mkdirSync(path.join(dir, 'schemas'))
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'))
  copyFileSync(built, path.join(dir, 'lib/parse/schema.js'))
  // schema.js finds validators.cjs through built-validators.js, which requires it through
  // lib/lazy-require.js: both come along.
  copyFileSync(path.join(root, 'dist/lib/parse/built-validators.js'), path.join(dir, 'lib/parse/built-validators.js'))
  copyFileSync(path.join(root, 'dist/lib/lazy-require.js'), path.join(dir, 'lib/lazy-require.js'))
  for (const name of ['step.schema.json', 'runbook.schema.json']) copyFileSync(path.join(root, 'schemas', name), path.join(dir, 'schemas', name))
  const marker = {instancePath: '', schemaPath: '#', keyword: 'generated', params: {}, message: 'judged by the generated module'}
  writeFileSync(path.join(dir, 'lib/parse/validators.cjs'), [
    'function step() { step.errors = [' + JSON.stringify(marker) + ']; return false }',
    'exports.step = step',
    `exports.sources = ${JSON.stringify(sources)}`,
  ].join('\n'))
  return path.join(dir, 'lib/parse/schema.js')
}

type SchemaModule = {validateAgainst: (kind: Kind, data: unknown) => ErrorObject[]}

t.test('the parser uses the generated module when it was built from the current schemas', async (t) => {
  const file = sandbox(t, {'step.schema.json': schemaText('step.schema.json'), 'runbook.schema.json': schemaText('runbook.schema.json')})
  const {validateAgainst} = await import(pathToFileURL(file).href) as SchemaModule
  t.same(validateAgainst('step', {id: 'ok'}).map((e) => e.keyword), ['generated'])
})

t.test('a generated module built from other schema texts is ignored: ajv compiles the schemas instead', async (t) => {
  const file = sandbox(t, {'step.schema.json': '{"old": true}', 'runbook.schema.json': schemaText('runbook.schema.json')})
  const {validateAgainst} = await import(pathToFileURL(file).href) as SchemaModule
  t.same(validateAgainst('step', {id: 'ok'}), [])
  t.same(validateAgainst('step', {timout: '5m'}).map((e) => e.keyword), ['additionalProperties'])
})
