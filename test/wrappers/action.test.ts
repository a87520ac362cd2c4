import t from 'tap'
import {execFile} from 'node:child_process'
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv} from 'ajv'
import {parse} from 'yaml'
import {book, tree} from '../helpers/many-files.js'
import {repoDir} from '../helpers/paths.js'

const repo = repoDir
const read = (file: string) => parse(readFileSync(path.join(repo, file), 'utf8')) as unknown
const schema = (name: string) => JSON.parse(readFileSync(path.join(repo, 'schemas', name), 'utf8')) as object
const ajv = new Ajv({allErrors: true, strict: false})
const validateAction = ajv.compile(schema('github-action.schema.json'))
const validateHooks = ajv.compile(schema('pre-commit-hooks.schema.json'))

interface ActionStep {
  name?: string
  run?: string
  shell?: string
  uses?: string
  env?: Record<string, string>
  'working-directory'?: string
}

t.test('action.yml and .pre-commit-hooks.yaml follow the documented metadata syntax', async (t) => {
  const action = read('action.yml') as {inputs: Record<string, unknown>; runs: {using: string; steps: ActionStep[]}}
  t.ok(validateAction(action), JSON.stringify(validateAction.errors))
  t.same(Object.keys(action.inputs).sort(), ['args', 'command', 'node-version', 'paths'])
  t.equal(action.runs.using, 'composite')
  t.notOk(action.runs.steps.some((step) => /upload-artifact/.test(step.uses ?? '')), 'the action uploads nothing itself')
  t.match(readFileSync(path.join(repo, 'action.yml'), 'utf8'), /actions\/upload-artifact@v4[\s\S]*report/, 'it documents how to upload the HTML report')
  for (const step of action.runs.steps) if (step.run) t.notMatch(step.run, /\$\{\{/, `${step.name}: inputs come through env, never spliced into the script`)

  const hooks = read('.pre-commit-hooks.yaml') as Array<{id: string; entry: string}>
  t.ok(validateHooks(hooks), JSON.stringify(validateHooks.errors))
  t.match(hooks.find((hook) => hook.id === 'runbook-lint'), {entry: 'runbook lint', language: 'node'})

  // The schemas are not empty promises: they reject what GitHub and pre-commit would reject.
  t.notOk(validateAction({name: 'x', description: 'y', runs: {using: 'composite', steps: [{run: 'echo', uses: 'a/b@v1', shell: 'bash'}]}}), 'run and uses in one step')
  t.notOk(validateAction({name: 'x', description: 'y', runs: {using: 'composite', steps: [{run: 'echo'}]}}), 'a composite run step needs shell')
  t.notOk(validateAction({name: 'x', description: 'y', inputs: {a: {default: 'x'}}, runs: {using: 'node20', main: 'i.js'}}), 'an input needs a description')
  t.notOk(validateHooks([{id: 'x', name: 'x', language: 'node'}]), 'a hook needs an entry')
  t.notOk(validateHooks([{id: 'x', name: 'x', entry: 'x', language: 'cobol'}]), 'an unknown language')
})

// Run the Action's shell steps as the runner would: inputs and github.* expressions filled in, env set,
// `bash --noprofile --norc -eo pipefail` in the step's working directory. `uses:` steps (setup-node) are left out.
async function runAction(inputs: Record<string, string>, workspace: string): Promise<{code: number; output: string}> {
  const action = read('action.yml') as {inputs: Record<string, {default?: string}>; runs: {steps: ActionStep[]}}
  const values: Record<string, string> = {'github.action_path': repo, 'github.workspace': workspace}
  for (const [name, input] of Object.entries(action.inputs)) values[`inputs.${name}`] = inputs[name] ?? input.default ?? ''
  const fill = (text: string) =>
    text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, key: string) => {
      if (!(key in values)) throw new Error(`unknown expression ${key}`)
      return values[key]!
    })
  let output = ''
  for (const [index, step] of action.runs.steps.entries()) {
    if (!step.run) continue
    const script = path.join(workspace, `.step-${index}.sh`)
    writeFileSync(script, step.run)
    const env: Record<string, string> = {...(process.env as Record<string, string>), GITHUB_ACTIONS: ''}
    for (const [key, value] of Object.entries(step.env ?? {})) env[key] = fill(value)
    const cwd = step['working-directory'] ? fill(step['working-directory']) : workspace
    const result = await new Promise<{code: number; output: string}>((resolve) => {
      execFile('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {cwd, env, timeout: 300_000}, (error, stdout, stderr) => {
        resolve({code: error ? ((error as {code?: number}).code ?? 1) : 0, output: stdout + stderr})
      })
    })
    output += result.output
    if (result.code !== 0) return {code: result.code, output}
  }
  return {code: 0, output}
}

t.test("the Action's shell steps run a sample docs folder and lint it", async (t) => {
  const sample = tree({
    'docs/guide.md': book('Guide', {hello: 'echo hello from the guide'}),
    'docs/about.md': '# About\n\nProse only.\n',
    'guides/setup.md': book('Setup', {check: 'test -d .'}),
  })
  t.teardown(sample.cleanup)
  const run = await runAction({paths: 'docs guides/*.md', args: '--jobs 2 --reporter html=runbook-report/report.html --evidence runbook-report/evidence'}, sample.dir)
  t.equal(run.code, 0, run.output)
  t.match(run.output, /Files: 2 passed, 0 failed, 1 skipped/)
  t.ok(existsSync(path.join(sample.dir, 'runbook-report/report.html')), 'the HTML report is there to upload')
  t.ok(existsSync(path.join(sample.dir, 'runbook-report/evidence/docs/guide.md/manifest.json')))
  t.notOk(existsSync(path.join(sample.dir, 'guides/*.md')), 'the glob reached runbook unexpanded')

  const lint = await runAction({command: 'lint', paths: 'docs'}, sample.dir)
  t.equal(lint.code, 0, lint.output)
  const bad = await runAction({command: 'rm -rf /'}, sample.dir)
  t.equal(bad.code, 2)
  t.match(bad.output, /::error title=runbook action::input command must be run or lint/)
})
